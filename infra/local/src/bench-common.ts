import { readdirSync, readFileSync } from 'node:fs';
import { authConfigFrom } from '@sc/auth';
import { createLogger } from '@sc/runtime';
import { sleep } from '@sc/kernel';

/** The dev identity provider's settings every part of the benchmark signs its tokens with. */
export const BENCH_AUTH = authConfigFrom({ JWT_ISSUER: 'sc-dev-idp', JWT_AUDIENCE: 'social-contract-federation' });
export const SILENT = createLogger('bench', 'silent');
/** kafkajs maxWaitTime on the mock broker, which answers a fetch only when it has waited this long. */
/** Specialists sending referrals back to back in part 1's saturation and backlog runs. */
export const SENDERS = Number(process.env.BENCH_SENDERS ?? 16);
export const BENCH_MAX_WAIT_MS = 10;

/**
 * BENCH_PROFILE_DIR: each process a part starts writes a V8 CPU profile there
 * when it stops (open in Chrome DevTools); `{}` when unset.
 */
export function profilingEnv(): Record<string, string> {
  const dir = process.env.BENCH_PROFILE_DIR;
  return dir ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${dir}` } : {};
}

/** The p-th percentile (nearest rank) of a sample. */
export const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
};
export const f1 = (x: number): string => x.toFixed(1);

/** Runs `fn` over `items` with `n` workers. */
export async function pool<T>(items: T[], n: number, fn: (t: T) => Promise<void>): Promise<void> {
  let i = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (i < items.length) await fn(items[i++]!);
    }),
  );
}

/**
 * Open-loop arrivals: `fn(items[i])` starts at `i / perSecond` s from now, whatever
 * the earlier calls are doing (a closed loop would slow down with the system and
 * hide its queueing). Resolves with the start time (performance.now()) once all are done.
 */
export async function openLoop<T>(items: T[], perSecond: number, fn: (t: T) => Promise<void>): Promise<number> {
  const t0 = performance.now();
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < items.length; i++) {
    const wait = t0 + (i * 1000) / perSecond - performance.now();
    if (wait > 0) await sleep(wait);
    inflight.push(fn(items[i]!));
  }
  await Promise.all(inflight);
  return t0;
}

/** A GraphQL POST that must succeed; resolves to its `data`. */
export const graphqlClient =
  (token: string, extraHeaders: () => Promise<Record<string, string>> = async () => ({})) =>
  async <T = unknown>(url: string, query: string, variables: Record<string, unknown>): Promise<T> => {
    const r = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'x-purpose': 'benchmark',
        ...(await extraHeaders()),
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await r.json()) as { data?: T; errors?: unknown };
    if (!r.ok || body.errors) throw new Error(`${url}: ${JSON.stringify(body.errors ?? r.status)}`);
    return body.data as T;
  };

/** Wall-clock time in ms with sub-millisecond precision (comparable with PostgreSQL's commit timestamps). */
export const wallNow = (): number => performance.timeOrigin + performance.now();

/** User + system CPU time of a process so far, ms (Linux /proc; clock ticks of 10 ms). */
export function cpuMsOf(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/** CPU time so far of every process whose command is `comm` (e.g. all of PostgreSQL's backends), ms. */
export function cpuMsOfCommand(comm: string): number {
  let sum = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === comm) sum += cpuMsOf(Number(pid)) ?? 0;
    } catch {
      // the process ended meanwhile
    }
  }
  return sum;
}

/**
 * The machine's CPU times so far, all cores, ms, from one read of the first
 * line of /proc/stat (ticks of 10 ms): `busy` — not idle or waiting, the
 * host's steal counted in —, and `steal` itself: time the host ran something
 * else while this virtual machine had work. When every process of a run
 * pauses at once, steal tells a machine that stood still from a system that
 * waited.
 */
export function machineTimes(): { busy: number; steal: number } {
  const [, ...t] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.split(/\s+/).map(Number);
  const [user, nice, system, , , irq, softirq, steal] = (t as number[]).map((x) => x * 10);
  return { busy: user! + nice! + system! + irq! + softirq! + steal!, steal: steal! };
}
