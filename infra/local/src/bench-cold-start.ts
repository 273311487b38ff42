/**
 * npm run bench, part 6 — cold start and memory (issue 15, item 5): `npm
 * start` exactly as a newcomer runs it, on a fresh data directory (initdb,
 * migrations, broker, four processes) and then again on the data it left,
 * timed until the gateway answers `/ready`; then the memory of everything it
 * started (Node processes, PostgreSQL, the broker), as PSS so that pages the
 * PostgreSQL backends share are counted once. Goal ≤ 20 s and ≤ 1.5 GB.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { f1 } from './bench-common';
import { freePort } from '@sc/local-infra';
import { rssOf } from './bench-processes';
import type { BenchResults } from './bench-results';
import { sleep } from '@sc/kernel';

const ROOT = join(__dirname, '..', '..', '..');

export async function benchColdStart(results: BenchResults): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'sc-cold-'));
  const ports = {
    EMBEDDED_PG_PORT: await freePort(),
    GATEWAY_PORT: await freePort(),
    SOCIAL_PROTECTION_PORT: await freePort(),
    EMPLOYMENT_PORT: await freePort(),
    SOCIAL_SERVICE_PORT: await freePort(),
  };
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', EMBEDDED_PG_DATA_DIR: join(dir, 'postgres') };
  for (const [k, v] of Object.entries(ports)) env[k] = String(v);
  for (const k of Object.keys(env)) if (/_DATABASE_URL$|^KAFKA_BROKERS$/.test(k)) delete env[k];
  const out = ['', '6. cold start: `npm start` until the gateway is ready, and the memory of what it started'];
  try {
    for (const [key, title] of [
      ['first', 'first start (fresh data directory: initdb, migrations)'],
      ['again', 'second start (the data kept)'],
    ] as const) {
      const s = await timedStart(env, ports.GATEWAY_PORT);
      results.add(`cold-start.${key}.seconds`, 's', 'lower', s.seconds);
      results.add(`cold-start.${key}.memory`, 'MB', 'lower', s.pssMb);
      out.push(
        `   ${title.padEnd(56)} ${f1(s.seconds).padStart(5)} s   memory ${s.pssMb.toFixed(0)} MB (PSS of ${s.processes} processes; Node ${s.nodeMb.toFixed(0)} MB)   (goal ≤ 20 s, ≤ 1.5 GB)`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

async function timedStart(env: NodeJS.ProcessEnv, gatewayPort: number) {
  const t0 = performance.now();
  const child = spawn('npm', ['start'], { cwd: ROOT, env, stdio: 'ignore', detached: true });
  try {
    const until = Date.now() + 120_000;
    while (!(await isReady(gatewayPort))) {
      if (Date.now() > until || child.exitCode !== null) throw new Error('npm start: the gateway was not ready');
      await sleep(100);
    }
    const seconds = (performance.now() - t0) / 1000;
    await sleep(3000); // settled: consumers joined, first polls done
    const tree = descendantsOf(child.pid!);
    const pss = tree.reduce((s, p) => s + pssKbOf(p), 0);
    const node = tree.filter((p) => /node/.test(commOf(p))).reduce((s, p) => s + rssOf(p), 0);
    return { seconds, pssMb: pss / 1024, nodeMb: node / 2 ** 20, processes: tree.length };
  } finally {
    await stopGroup(child);
  }
}

const isReady = (port: number) =>
  fetch(`http://127.0.0.1:${port}/ready`).then(
    (r) => r.ok,
    () => false,
  );

/** The process and every descendant (PostgreSQL and the broker run in groups of their own, still its children). */
function descendantsOf(root: number): number[] {
  const parent = new Map<number, number>();
  for (const d of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      parent.set(Number(d), Number(stat.split(') ')[1]!.split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const inTree = (p: number): boolean => p === root || (parent.has(p) && p > 1 && inTree(parent.get(p)!));
  return [...parent.keys()].filter(inTree);
}

/** Proportional set size: pages shared with other processes (PostgreSQL's backends) counted by share. */
function pssKbOf(pid: number): number {
  try {
    const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

const commOf = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8');
  } catch {
    return '';
  }
};

/** Ctrl-C as a terminal sends it (the whole group); the launcher stops everything in order. */
async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = once(child, 'exit');
  process.kill(-child.pid!, 'SIGINT');
  const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 30_000);
  await exited;
  clearTimeout(timer);
}
