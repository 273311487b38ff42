import pino, { type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs; personal data (СНИЛС, names) is never logged, only citizen ids. */
export function createLogger(name: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({
    name,
    level,
    base: { service: name },
    redact: { paths: ['*.snils', '*.authorization', 'headers.authorization', '*.password'], remove: true },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}
