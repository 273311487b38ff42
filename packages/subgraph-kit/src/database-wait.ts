import { Client } from 'pg';
import { sleep } from '@sc/kernel';
import type { Logger } from '@sc/runtime';

/**
 * Errors that mean "the database is not there yet", not "it is wrong": the
 * server not listening (being started, failed over), starting up or shutting
 * down, or the database not created yet (a launcher creating it meanwhile).
 * A refused password or an unknown host is a configuration error: no wait.
 */
const TRANSIENT_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', '57P03', '3D000']);

export const isTransientConnectError = (e: unknown): boolean =>
  TRANSIENT_CODES.has(String((e as { code?: unknown } | null)?.code ?? ''));

/** The URL without its password, for a log line or an error. */
const shown = (url: string): string => {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
};

/**
 * Waits until the service's database answers (DATABASE_WAIT_SECONDS): a
 * service started together with its database — the launcher's processes
 * while initdb runs, a Kubernetes pod beside a PostgreSQL failing over —
 * connects once the server takes connections, instead of exiting to be
 * restarted. Gives up with the last error when the time is over.
 */
export async function waitForDatabase(
  url: string,
  o: { timeoutMs: number; log: Logger; retryMs?: number },
): Promise<void> {
  const until = Date.now() + o.timeoutMs;
  let told = false;
  for (;;) {
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
    try {
      await client.connect();
      await client.query('select 1');
      if (told) o.log.info({ database: shown(url) }, 'database reached');
      return;
    } catch (e) {
      if (!isTransientConnectError(e) || Date.now() >= until) throw e;
      if (!told) o.log.info({ database: shown(url), reason: (e as Error).message }, 'waiting for the database');
      told = true;
    } finally {
      await client.end().catch(() => undefined);
    }
    await sleep(Math.min(o.retryMs ?? 200, Math.max(0, until - Date.now())));
  }
}
