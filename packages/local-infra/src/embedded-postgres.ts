import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';
import { importEsm } from './esm';
import { freePort } from './free-port';
import { choosePlacement, chooseServerUser, SERVER_USER } from './postgres-placement';
import { EmbeddedPostgresError, explainFsFailure, explainServerFailure } from './startup-failure';

export interface EmbeddedPostgresOptions {
  /** Data directory; kept between runs when `persistent`. */
  dataDir: string;
  port?: number;
  persistent: boolean;
  /** Trade durability for speed (tests only). */
  fast?: boolean;
  /** More server settings (`-c name=value`), e.g. the benchmark's `shared_preload_libraries=pg_stat_statements`. */
  settings?: Record<string, string>;
  /**
   * Used only when the launcher is root and the server user cannot reach the
   * installed binaries or the data directory: binaries are copied here and the
   * data kept here. Default: EMBEDDED_PG_RUNTIME_DIR or /var/lib/sc-embedded-postgres.
   */
  runtimeDir?: string;
  onLog?: (line: string) => void;
  /**
   * Its own process group, so a terminal's Ctrl-C reaches only the launcher,
   * which stops the server last (after the services that use it).
   */
  ownProcessGroup?: boolean;
}

export interface RunningPostgres {
  port: number;
  /** Where the cluster's data actually is (differs from the requested one when relocated). */
  dataDir: string;
  /** URL of database `name` on this cluster. */
  url(name: string): string;
  /** Creates the database unless it exists. */
  ensureDatabase(name: string): Promise<void>;
  /** Calls `listener` if the server exits without `stop()` (a launcher stops everything then). */
  onUnexpectedExit(listener: (code: number | null, signal: string | null) => void): void;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';
export const DEFAULT_RUNTIME_DIR = '/var/lib/sc-embedded-postgres';

/** The URL of database `name` on the embedded server at `port`: known before the server runs (the launcher's processes start meanwhile). */
export const embeddedPostgresUrl = (port: number, name: string): string =>
  `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${name}`;

interface Ids {
  uid: number;
  gid: number;
}

/**
 * A real PostgreSQL server from the binaries of the `embedded-postgres`
 * packages. We spawn initdb and postgres ourselves (rather than through the
 * package's class) so that, as root, they can run from a copy the server user
 * can reach — see postgres-placement.ts.
 */
export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const log = opts.onLog ?? (() => undefined);
  const port = opts.port ?? (await freePort());
  const runtimeDir = resolve(opts.runtimeDir ?? process.env.EMBEDDED_PG_RUNTIME_DIR ?? DEFAULT_RUNTIME_DIR);
  const installed = await installedBinaries();
  const isRoot = process.getuid?.() === 0;
  const requested = resolve(opts.dataDir);
  const relocated = join(runtimeDir, 'data', createHash('sha256').update(requested).digest('hex').slice(0, 16));
  const hasCluster = (d: string) => existsSync(join(d, 'PG_VERSION'));
  const existingData = hasCluster(requested) ? 'requested' : isRoot && hasCluster(relocated) ? 'relocated' : null;

  const ids = resolveServerUser(
    isRoot,
    existingData === 'relocated' ? relocated : existingData ? requested : undefined,
  );
  const requestedParent = dirname(requested);
  let parentUsable = true;
  try {
    makeDir(requestedParent, 'EMBEDDED_PG_DATA_DIR', existingData === null);
  } catch (e) {
    // As root a requested folder we cannot create is one more reason to relocate.
    if (!isRoot || existingData) throw e;
    parentUsable = false;
  }
  const placement = choosePlacement({
    isRoot,
    existingData,
    binariesReachable: ids ? canRun(join(installed, 'bin', 'postgres'), ids) : true,
    dataParentReachable: parentUsable && (ids ? canTraverse(requestedParent, ids) : true),
  });
  const binDir =
    placement.binaries === 'installed' ? join(installed, 'bin') : join(copyBinaries(installed, runtimeDir), 'bin');
  const dataDir = placement.data === 'requested' ? requested : relocated;
  if (dataDir !== requested)
    log(`the data directory ${requested} is not reachable by the server user; using ${dataDir}`);
  // Installed binaries were just found runnable; a copy is checked once, in its new place.
  if (ids && placement.binaries === 'runtime-copy' && !canRun(join(binDir, 'postgres'), ids)) {
    throw new EmbeddedPostgresError(
      `the server user (uid ${ids.uid}) cannot reach ${binDir}`,
      `Set EMBEDDED_PG_RUNTIME_DIR to a folder every user can traverse (default ${DEFAULT_RUNTIME_DIR})`,
    );
  }

  if (!hasCluster(dataDir)) await initialise(binDir, dataDir, ids, log);
  const fastFlags = opts.fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : [];
  const server = await startServer(
    binDir,
    // Loopback IPv4 only: clients use 127.0.0.1, and a port taken there must fail the start, not fall back to ::1.
    [
      ...['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300'],
      ...fastFlags,
      ...Object.entries(opts.settings ?? {}).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
    ],
    ids,
    { port, dataDir, log, detached: opts.ownProcessGroup === true },
  );
  // If the launcher exits without stopping us (an uncaught error), the server must not outlive it.
  const onExit = () => server.kill('SIGINT');
  process.once('exit', onExit);
  const url = (name: string) => embeddedPostgresUrl(port, name);
  let stopping = false;
  return {
    port,
    dataDir,
    url,
    ensureDatabase: (name) => ensureDatabase(url('postgres'), name),
    onUnexpectedExit: (listener) => {
      server.once('exit', (code, signal) => (stopping ? undefined : listener(code, signal)));
    },
    stop: async () => {
      stopping = true;
      process.removeListener('exit', onExit);
      // A terminal's Ctrl-C reaches the postgres process directly, and it may be gone already.
      await stopServer(server);
      if (!opts.persistent) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The `native` folder of this platform's @embedded-postgres binary package. */
async function installedBinaries(): Promise<string> {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    const { postgres } = await importEsm<{ postgres: string }>(pkg);
    return dirname(dirname(postgres));
  } catch {
    throw new EmbeddedPostgresError(
      `no PostgreSQL binaries for ${process.platform}-${process.arch} (${pkg})`,
      'Run npm install again',
    );
  }
}

function makeDir(dir: string, envVar: string, mustBeWritable: boolean): void {
  try {
    mkdirSync(dir, { recursive: true });
    if (mustBeWritable) {
      const probe = join(dir, `.probe-${process.pid}`);
      writeFileSync(probe, '');
      rmSync(probe);
    }
  } catch (e) {
    throw explainFsFailure(e, dir, envVar);
  }
}

/** The unprivileged user when we are root; undefined when the server runs as ourselves. */
function resolveServerUser(isRoot: boolean, existingDataDir: string | undefined): Ids | undefined {
  const dataOwnerUid = existingDataDir ? statSync(existingDataDir).uid : undefined;
  const choice = chooseServerUser({ isRoot, dataOwnerUid, serverUserUid: idOf('-u', SERVER_USER) });
  if (choice.kind === 'self') return undefined;
  if (choice.kind === 'create') createSystemUser(choice.name);
  const who = choice.kind === 'existing' ? String(choice.uid) : choice.name;
  const uid = idOf('-u', who);
  const gid = idOf('-g', who);
  if (uid === undefined || gid === undefined) {
    throw new EmbeddedPostgresError(
      `no OS user ${who} to run PostgreSQL as`,
      `Create it (useradd --system ${SERVER_USER}) or run as a non-root user`,
    );
  }
  return { uid, gid };
}

function idOf(flag: '-u' | '-g', user: string): number | undefined {
  const r = spawnSync('id', [flag, user], { encoding: 'utf8' });
  return r.status === 0 ? Number(r.stdout.trim()) : undefined;
}

/** A system user with no home and no login (useradd; busybox's adduser where that is all there is). */
function createSystemUser(name: string): void {
  const attempts: [string, string[]][] = [
    ['useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', name]],
    ['adduser', ['-S', '-D', '-H', name]],
  ];
  const errors: string[] = [];
  for (const [cmd, args] of attempts) {
    const r = spawnSync(cmd, args, { encoding: 'utf8' });
    if (r.status === 0) return;
    errors.push(`${cmd}: ${r.error ? (r.error as NodeJS.ErrnoException).code : r.stderr.trim() || `exit ${r.status}`}`);
  }
  throw new EmbeddedPostgresError(
    `PostgreSQL refuses to run as root and the user ${name} could not be created (${errors.join('; ')})`,
    `Create it (useradd --system ${name}) or run npm as a non-root user`,
  );
}

function canRun(binary: string, ids: Ids): boolean {
  return spawnSync(binary, ['--version'], { ...ids, stdio: 'ignore' }).status === 0;
}

function canTraverse(dir: string, ids: Ids): boolean {
  return spawnSync('/bin/sh', ['-c', 'test -x "$1"', 'sh', dir], { ...ids, stdio: 'ignore' }).status === 0;
}

/** Copies the binaries once per version into the runtime folder (atomically, so racing launchers agree). */
function copyBinaries(installed: string, runtimeDir: string): string {
  const version = JSON.parse(readFileSync(join(installed, '..', 'package.json'), 'utf8')).version as string;
  const target = join(runtimeDir, `postgresql-${process.platform}-${process.arch}-${version}`);
  if (existsSync(join(target, 'bin', 'postgres'))) return target;
  const tmp = `${target}.tmp-${process.pid}`;
  try {
    mkdirSync(runtimeDir, { recursive: true, mode: 0o755 });
    chmodSync(runtimeDir, 0o755);
    cpSync(installed, tmp, { recursive: true, verbatimSymlinks: true });
    chmodSync(tmp, 0o755);
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    if (existsSync(join(target, 'bin', 'postgres'))) return target; // another launcher won the race
    throw explainFsFailure(e, runtimeDir, 'EMBEDDED_PG_RUNTIME_DIR');
  }
  return target;
}

async function initialise(
  binDir: string,
  dataDir: string,
  ids: Ids | undefined,
  log: (l: string) => void,
): Promise<void> {
  try {
    mkdirSync(dirname(dataDir), { recursive: true, mode: 0o755 });
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    if (ids) chownSync(dataDir, ids.uid, ids.gid);
  } catch (e) {
    throw explainFsFailure(e, dataDir, 'EMBEDDED_PG_DATA_DIR');
  }
  // The password file sits beside the data directory, where the server user can read it, and is removed at once.
  const pwfile = join(dirname(dataDir), `.pwfile-${randomBytes(6).toString('hex')}`);
  writeFileSync(pwfile, `${PASSWORD}\n`, { mode: 0o600 });
  if (ids) chownSync(pwfile, ids.uid, ids.gid);
  try {
    const args = [
      `--pgdata=${dataDir}`,
      '--auth=password',
      `--username=${USER}`,
      `--pwfile=${pwfile}`,
      '--encoding=UTF8',
      '--locale=C',
    ];
    const r = spawnSync(join(binDir, 'initdb'), args, {
      ...ids,
      encoding: 'utf8',
      env: { ...process.env, LC_ALL: 'C' },
    });
    log(`${r.stdout ?? ''}${r.stderr ?? ''}`.trim());
    if (r.status !== 0) {
      const detail = (r.stderr || r.error?.message || '').trim().split('\n').pop();
      throw new EmbeddedPostgresError(
        `initdb failed for ${dataDir}: ${detail}`,
        'Set EMBEDDED_PG_DATA_DIR to an empty writable folder',
      );
    }
  } finally {
    rmSync(pwfile, { force: true });
  }
}

function startServer(
  binDir: string,
  args: string[],
  ids: Ids | undefined,
  ctx: { port: number; dataDir: string; log: (l: string) => void; detached: boolean },
): Promise<ChildProcess> {
  return new Promise((resolveStart, reject) => {
    const child = spawn(join(binDir, 'postgres'), args, {
      ...ids,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, LC_ALL: 'C' },
      detached: ctx.detached,
    });
    let output = '';
    let ready = false;
    child.stderr!.on('data', (d: Buffer) => {
      const text = d.toString();
      ctx.log(text.trim());
      if (ready) return;
      output += text;
      if (output.includes('database system is ready to accept connections')) {
        ready = true;
        output = '';
        resolveStart(child);
      }
    });
    child.on('error', (e) =>
      reject(
        new EmbeddedPostgresError(`cannot run ${join(binDir, 'postgres')} (${e.message})`, 'Run npm install again'),
      ),
    );
    child.on('close', () => {
      if (!ready) reject(explainServerFailure(output, ctx));
    });
  });
}

/** Fast shutdown (SIGINT); SIGKILL only if the server has not exited after 15 s. */
function stopServer(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    const t = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => (clearTimeout(t), done()));
    child.kill('SIGINT');
  });
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
