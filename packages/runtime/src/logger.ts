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

/** Structured JSON logs; personal data (СНИЛС, names, birth dates, addresses, message bodies) is never logged. */
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
  return destination ? pino(options, destination) : pino(options);
}
