import { ensureDatabase, freePort } from '@sc/local-infra';
import type { Logger } from '@sc/runtime';
import { createTestDatabase, query, uniqueSuffix } from '@sc/testing';
import { waitForDatabase } from '../src';

/** A logger that keeps what was said at info level. */
function listening() {
  const said: { fields: Record<string, unknown>; msg: string }[] = [];
  const log = { info: (fields: Record<string, unknown>, msg: string) => said.push({ fields, msg }) };
  return { log: log as unknown as Logger, said };
}

/** The URL of another database on the test cluster (same server, user and password). */
const sibling = (url: string, db: string) => Object.assign(new URL(url), { pathname: `/${db}` }).toString();

/**
 * A service started together with its database (the launcher's processes
 * while initdb runs; a pod beside a PostgreSQL failing over) waits for it
 * (DATABASE_WAIT_SECONDS) instead of exiting — but not for a database that
 * refuses it for good.
 */
describe('waiting for the database at start-up (real PostgreSQL)', () => {
  let adminUrl: string;
  beforeAll(async () => {
    adminUrl = sibling(await createTestDatabase('wait'), 'postgres');
  });

  it('waits while the database does not exist yet, and connects once it is created', async () => {
    const db = `wait_later_${uniqueSuffix()}`;
    const url = sibling(adminUrl, db);
    const { log, said } = listening();
    const waiting = waitForDatabase(url, { timeoutMs: 30_000, log, retryMs: 50 });
    // Created only once the wait has been told "does not exist" (or has given up: then the test fails below).
    let timer: NodeJS.Timeout | undefined;
    const told = new Promise<void>((resolve) => {
      timer = setInterval(() => said.length > 0 && resolve(), 20);
    });
    await Promise.race([told, waiting.catch(() => undefined)]);
    clearInterval(timer);
    await ensureDatabase(adminUrl, db);
    await expect(waiting).resolves.toBeUndefined();
    expect(said.map((s) => s.msg)).toEqual(['waiting for the database', 'database reached']);
    expect(said[0]!.fields.reason).toMatch(/does not exist/);
    expect(await query(url, 'select 1 as one')).toEqual([{ one: 1 }]);
  });

  it('waits for a server that is not listening until the time is over, then fails with its error', async () => {
    const url = `postgres://postgres:secret-pw@127.0.0.1:${await freePort()}/nothing`;
    const { log, said } = listening();
    await expect(waitForDatabase(url, { timeoutMs: 300, log, retryMs: 50 })).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
    expect(said.map((s) => s.msg)).toEqual(['waiting for the database']);
    // The password never reaches a log line.
    expect(JSON.stringify(said)).not.toContain('secret-pw');
    expect(said[0]!.fields.database).toContain('***');
  });

  it('does not wait when the server refuses the connection for good (a wrong password)', async () => {
    const u = new URL(adminUrl);
    u.password = `wrong-${uniqueSuffix()}`;
    const { log, said } = listening();
    await expect(waitForDatabase(u.toString(), { timeoutMs: 30_000, log })).rejects.toMatchObject({
      code: '28P01',
    });
    expect(said).toEqual([]);
  });

  it('with no time to wait, tries once', async () => {
    const { log, said } = listening();
    await expect(
      waitForDatabase(sibling(adminUrl, `never_${uniqueSuffix()}`), { timeoutMs: 0, log }),
    ).rejects.toMatchObject({ code: '3D000' });
    expect(said).toEqual([]);
  });
});
