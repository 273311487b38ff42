import pino, { type Logger } from 'pino';

export type { Logger };

/** Fields that hold personal data wherever they appear in a logged object (152-ФЗ). */
const PERSONAL = [
  'snils',
  'lastName',
  'firstName',
  'middleName',
  'fullName',
  'birthDate',
  'address',
  'phone',
  'person',
  'citizen',
  'variables',
  'params',
  'parameters',
  'payload',
  'value',
];
/** pino's redaction has no recursive wildcard: each field is listed at the depths a log call can reach. */
const REDACT = [
  ...PERSONAL.flatMap((f) => [f, `*.${f}`, `*.*.${f}`, `*.*.*.${f}`]),
  '*.authorization',
  'headers.authorization',
  '*.password',
];

/**
 * An error as it may be logged: its class, its code and its message — with
 * the SQL statement (which carries the values: СНИЛС, names, birth dates)
 * cut off — and the stack frames. Driver fields such as `detail` ("Key
 * (snils)=(…) already exists"), `sql`, `params` or `where` are never logged.
 */
export function safeError(e: unknown): Record<string, unknown> {
  if (!(e instanceof Error)) return { type: typeof e, message: '[non-error thrown]' };
  const x = e as Error & { code?: unknown; sqlState?: unknown; constraint?: unknown; table?: unknown; cause?: unknown };
  const sqlError = typeof x.sqlState === 'string' || /Exception$/.test(e.name) || 'sql' in x || 'query' in x;
  const message = sqlError ? driverMessage(e.message) : e.message;
  const frames = (e.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l));
  return {
    type: e.name,
    message,
    ...(typeof x.code === 'string' || typeof x.code === 'number' ? { code: x.code } : {}),
    ...(typeof x.sqlState === 'string' ? { sqlState: x.sqlState } : {}),
    ...(typeof x.constraint === 'string' ? { constraint: x.constraint } : {}),
    ...(typeof x.table === 'string' ? { table: x.table } : {}),
    stack: [`${e.name}: ${message}`, ...frames].join('\n'),
    ...(x.cause ? { cause: safeError(x.cause) } : {}),
  };
}

/** MikroORM/knex messages are "<statement with its values> - <driver message>": keep the driver's part. */
function driverMessage(message: string): string {
  const i = message.lastIndexOf(' - ');
  const tail = i >= 0 ? message.slice(i + 3) : message;
  return /\b(insert|update|delete|select)\b/i.test(tail) ? '[SQL statement withheld]' : tail;
}

/** How log lines are written: pretty and coloured for a person at a terminal, JSON lines for everything else. */
export type LogFormat = 'pretty' | 'json';

/** LOG_FORMAT when set (the launcher passes its own terminal's choice to its child processes), else by the terminal. */
export function logFormatOf(
  env: Record<string, string | undefined> = process.env,
  tty = !!process.stdout.isTTY,
): LogFormat {
  if (env.LOG_FORMAT === 'pretty' || env.LOG_FORMAT === 'json') return env.LOG_FORMAT;
  return tty ? 'pretty' : 'json';
}

// One pino-pretty worker thread per process, shared by every logger of it (a transport per logger is a thread each).
let prettyStream: pino.DestinationStream | undefined;
function pretty(): pino.DestinationStream {
  prettyStream ??= pino.transport({
    target: 'pino-pretty',
    options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service', sync: false },
  }) as pino.DestinationStream;
  return prettyStream;
}

/**
 * Structured logs; personal data (СНИЛС, names, birth dates, addresses,
 * message bodies) is never logged. JSON lines unless LOG_FORMAT (or a
 * terminal) asks for pino-pretty, which is pino's own transport, in its
 * own thread: the redaction has already happened when a line reaches it.
 */
export function createLogger(
  name: string,
  level = process.env.LOG_LEVEL ?? 'info',
  destination?: pino.DestinationStream,
): Logger {
  const options: pino.LoggerOptions = {
    name,
    level,
    base: { service: name },
    redact: { paths: REDACT, censor: '[personal data]' },
    serializers: { err: safeError, error: safeError },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  if (destination) return pino(options, destination);
  return logFormatOf() === 'pretty' ? pino(options, pretty()) : pino(options);
}
