import { connect } from 'node:net';
import { startEmbeddedPostgres, type RunningPostgres } from '@sc/local-infra';
import { databaseOf, EMBEDDED_PG_DEFAULTS } from './embedded-defaults';

/** The services whose databases the operator commands (`npm run dlq`, `npm run audit`) reach. */
export const SERVICES = ['social-protection', 'employment', 'social-service'] as const;
export type Service = (typeof SERVICES)[number];

/** The service's own URL, else the embedded cluster — started here if `npm start` is not running. */
export async function serviceDatabase(service: Service): Promise<{ url: string; pg?: RunningPostgres }> {
  const own = process.env[`${service.toUpperCase().replace(/-/g, '_')}_DATABASE_URL`];
  if (own) return { url: own };
  const port = Number(process.env.EMBEDDED_PG_PORT ?? EMBEDDED_PG_DEFAULTS.port);
  const pg = (await answers(port))
    ? undefined
    : await startEmbeddedPostgres({
        dataDir: process.env.EMBEDDED_PG_DATA_DIR ?? EMBEDDED_PG_DEFAULTS.dataDir,
        port,
        persistent: true,
      });
  return { url: `postgres://postgres:postgres@127.0.0.1:${port}/${databaseOf(service)}`, pg };
}

const answers = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });
