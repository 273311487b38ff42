/**
 * What one referral costs in bench part 1: the CPU time of each process
 * (and of PostgreSQL, the broker and the client) and the SQL statements in
 * each database, over a saturation run.
 */
import { availableParallelism } from 'node:os';
import type { RunningPostgres } from '@sc/local-infra';
import { Client } from 'pg';
import { cpuMsOf, cpuMsOfCommand, machineTimes } from './bench-common';
import type { BenchResults } from './bench-results';
import { SERVICE_NAMES, type ServiceName } from './stack';

/** Where the CPU goes: each process's (and PostgreSQL's, the broker's, this client's) CPU time so far, ms. */
export function cpuNow(pid: (name: string) => number | undefined): Record<string, number> {
  const own = process.cpuUsage();
  const m = machineTimes();
  return {
    'social-service': cpuMsOf(pid('social-service')) ?? 0,
    'social-protection': cpuMsOf(pid('social-protection')) ?? 0,
    employment: cpuMsOf(pid('employment')) ?? 0,
    gateway: cpuMsOf(pid('gateway')) ?? 0,
    postgres: cpuMsOfCommand('postgres'),
    broker: cpuMsOfCommand('kcat'),
    client: (own.user + own.system) / 1000,
    machine: m.busy,
    // Part of `machine`: what the host took from this VM (the processes above did not get it).
    steal: m.steal,
  };
}

/** CPU per referral, ms, by process, over a saturation run (the polling of this client included in `client`). */
export function cpuLine(
  results: BenchResults,
  key: string,
  before: Record<string, number>,
  after: Record<string, number>,
  n: number,
) {
  const per = Object.keys(after).map((k) => [k, (after[k]! - before[k]!) / n] as const);
  for (const [k, ms] of per) results.add(`${key}.cpu.${k}`, 'ms', 'lower', ms);
  return `   CPU per referral over the run (ms): ${per.map(([k, ms]) => `${k} ${ms.toFixed(2)}`).join(', ')}`;
}

/**
 * The same CPU split in two: what the system spends at rest (every consumer
 * polling the mock broker, which answers a fetch only after its full wait;
 * timers; the scheduler), a cost per second that a real broker's long polls
 * mostly do not have, and what each referral adds beyond it — which, with
 * the cores left over at rest, sets the ceiling.
 */
export function marginalLine(
  results: BenchResults,
  key: string,
  restPerSecond: Record<string, number>,
  before: Record<string, number>,
  after: Record<string, number>,
  seconds: number,
  n: number,
): string {
  const names = Object.keys(after).filter((k) => k !== 'client');
  const beyond = (k: string) => Math.max(0, after[k]! - before[k]! - restPerSecond[k]! * seconds) / n;
  for (const k of names) results.add(`${key}.cpu-beyond-rest.${k}`, 'ms', 'lower', beyond(k));
  const restCores = restPerSecond.machine! / 1000;
  results.add(`${key}.cpu-at-rest`, 'cores', 'lower', restCores);
  const cores = availableParallelism();
  return `   at rest the system uses ${restCores.toFixed(2)} cores (${names
    .filter((k) => k !== 'machine')
    .map((k) => `${k} ${(restPerSecond[k]! / 1000).toFixed(2)}`)
    .join(
      ', ',
    )}); each referral adds (ms): ${names.map((k) => `${k} ${beyond(k).toFixed(2)}`).join(', ')} → ceiling (${cores} − ${restCores.toFixed(2)} cores) ÷ ${beyond('machine').toFixed(1)} ms ≈ ${(((cores - restCores) * 1000) / beyond('machine')).toFixed(0)} referrals/s`;
}

/**
 * SQL statements per referral in each database over a saturation run
 * (pg_stat_statements): every round trip costs both processes CPU, so this
 * is what batching should bring down. With `detail`, the most frequent ones.
 */
export function statementCounter(pg: RunningPostgres, databases: Record<ServiceName, string>) {
  const c = new Client({ connectionString: pg.url('postgres') });
  const ready = c.connect().then(() => c.query('create extension if not exists pg_stat_statements'));
  const names = SERVICE_NAMES.map((n) => new URL(databases[n]).pathname.slice(1));
  return {
    async reset() {
      await ready;
      await c.query('select pg_stat_statements_reset()');
    },
    async perReferral(results: BenchResults, key: string, n: number, detail: boolean): Promise<string[]> {
      const { rows } = await c.query<{ datname: string; calls: string; query: string }>(
        `select d.datname, s.calls, s.query from pg_stat_statements s join pg_database d on d.oid = s.dbid
          where d.datname = any($1) order by s.calls desc`,
        [names],
      );
      const out = ['   SQL statements per referral over the run, by database:'];
      for (const [i, name] of SERVICE_NAMES.entries()) {
        const mine = rows.filter((r) => r.datname === names[i]);
        const total = mine.reduce((sum, r) => sum + Number(r.calls), 0) / n;
        results.add(`${key}.statements.${name}`, '/referral', 'lower', total);
        out.push(`      ${name}: ${total.toFixed(1)}`);
        if (detail)
          for (const r of mine.slice(0, 12))
            out.push(
              `         ${(Number(r.calls) / n).toFixed(2).padStart(6)} × ${r.query.replace(/\s+/g, ' ').slice(0, 100)}`,
            );
      }
      return out;
    },
    /** Checkpoints so far (timed and requested) and the buffers they wrote (PostgreSQL 17's pg_stat_checkpointer). */
    async checkpoints(): Promise<{ count: number; buffers: number }> {
      await ready;
      const { rows } = await c.query<{ n: string; b: string }>(
        'select num_timed + num_requested as n, buffers_written as b from pg_stat_checkpointer',
      );
      return { count: Number(rows[0]?.n ?? 0), buffers: Number(rows[0]?.b ?? 0) };
    },
    close: () => ready.then(() => c.end()),
  };
}
