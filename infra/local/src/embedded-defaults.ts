import { join } from 'node:path';

/** The embedded default's PostgreSQL, shared by `npm start` and `npm run dlq`. */
export const EMBEDDED_PG_DEFAULTS = {
  port: 54329,
  /** Git-ignored; as root in a private folder the data is relocated (see @sc/local-infra). */
  dataDir: join(__dirname, '..', '..', '..', '.data', 'postgres'),
} as const;

/** Each service's database on the embedded cluster. */
export const databaseOf = (service: string): string => service.replace(/-/g, '_');
