/**
 * npm run bench — figures measured side by side in one run, on this machine:
 * 1. referrals end to end: КЦСОН commit → ЦСПН commit → acceptance back in КЦСОН, steady
 *    and at saturation, with CPU and SQL statements per referral and the levers
 *    (bench-referrals.ts: services as separate processes with the broker; without a
 *    broker, everything in this process, below);
 * 2. outbox relay throughput, Kafka-protocol broker vs the in-process bus;
 * 3. the federated case file through the gateway vs the subgraphs directly (bench-gateway.ts;
 *    without a broker the in-process variant below).
 * Goals: issue 15 (≥ 500 referrals/s, p99 ≤ 100 ms at 20/s; gateway p50 ≤ 1.3 × direct).
 * BENCH_REFERRALS (1000 per run), BENCH_RATE (20/s steady), BENCH_SENDERS (at saturation),
 * BENCH_RELAY_MESSAGES (20000), BENCH_QUERIES (2000) size it; parts 4 (worklists, BENCH_CASES) and 5
 * (statistics, BENCH_STAT_CONTRACTS, BENCH_STAT_RECORDS) are in bench-worklists.ts and bench-statistics.ts.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issueToken, type Principal } from '@sc/auth';
import {
  EmbeddedPostgresError,
  kcatAvailable,
  startEmbeddedPostgres,
  startKafkaMock,
  type RunningKafkaMock,
  type RunningPostgres,
} from '@sc/local-infra';
import { localKafkaEnv, type KafkaEnv } from '@sc/subgraph-kit';
import { SUPERGRAPH_PATH } from '@sc/gateway';
import { referForContract, registerApplication } from '@sc/social-service';
import { validSnils } from '@sc/testing';
import { SERVICE_NAMES, type Stack } from './stack';
import { startBenchStack, worklistsInProcess } from './bench-stack';
import { inProcessTarget, startProcessTarget } from './bench-processes';
import { BenchResults, compareResults } from './bench-results';
import { BENCH_AUTH, BENCH_MAX_WAIT_MS, f1, openLoop, pct, pool, SILENT } from './bench-common';
import { benchRelay } from './bench-relay';
import { benchStatistics } from './bench-statistics';
import { benchGatewayProcesses } from './bench-gateway';
import { benchColdStart } from './bench-cold-start';
import { benchWorklists } from './bench-worklists';
import { benchReferralProcesses } from './bench-referrals';
import { sleep } from '@sc/kernel';

const N_REFERRALS = Number(process.env.BENCH_REFERRALS ?? 1000);
const N_QUERIES = Number(process.env.BENCH_QUERIES ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_SENDERS ?? 4);
const RATE = Number(process.env.BENCH_RATE ?? 20);
/** Each figure of parts 1–3 is measured this many times: min / median / max are reported. */
const REPEATS = Math.max(1, Number(process.env.BENCH_REPEATS ?? 5));
const results = new BenchResults();
const auth = BENCH_AUTH;
const silent = SILENT;

interface ReferralProbe {
  prepare(n: number): Promise<string[]>;
  refer(citizenId: string): Promise<void>;
  latencies(ids: Set<string>): Promise<number[]>;
  sentAt: Map<string, number>;
  report(key: string, title: string, lat: number[], n: number, rate: number): void;
}

/** Open-loop arrivals at BENCH_RATE per second; returns the citizens referred. */
async function steadyArrivals({ prepare, refer, latencies, sentAt, report }: ReferralProbe): Promise<string[]> {
  const steady = await prepare(N_REFERRALS);
  sentAt.clear(); // this run's referrals only
  const t0 = await openLoop(steady, RATE, refer);
  const steadyRate = N_REFERRALS / ((performance.now() - t0) / 1000);
  const lat = await latencies(new Set(sentAt.keys()));
  report('steady', `steady arrivals (${RATE}/s target)`, lat, N_REFERRALS, steadyRate);
  return steady;
}

/** CONCURRENCY senders back to back: how many referrals per second the system sustains. */
async function saturation({ prepare, refer, latencies, sentAt, report }: ReferralProbe): Promise<void> {
  const burst = await prepare(N_REFERRALS);
  sentAt.clear();
  const t0 = performance.now();
  await pool(burst, CONCURRENCY, refer);
  const burstRate = N_REFERRALS / ((performance.now() - t0) / 1000);
  const lat = await latencies(new Set(sentAt.keys()));
  report('saturation', `saturation (${CONCURRENCY} senders, no pause)`, lat, N_REFERRALS, burstRate);
}

/** One line per run of a referral measurement, and its figures recorded for the summary. */
const referralReport =
  (out: string[]) =>
  (key: string, title: string, lat: number[], n: number, rate: number): void => {
    results.add(`referral.${key}.rate`, '/s', 'higher', rate);
    results.add(`referral.${key}.p50`, 'ms', 'lower', pct(lat, 50));
    results.add(`referral.${key}.p99`, 'ms', 'lower', pct(lat, 99));
    results.add(`referral.${key}.delivered`, '%', 'higher', (100 * lat.length) / n);
    out.push(
      `   ${title.padEnd(34)} ${String(lat.length).padStart(5)}/${n} delivered at ${f1(rate).padStart(6)} referrals/s   p50 ${f1(pct(lat, 50)).padStart(7)} ms   p95 ${f1(pct(lat, 95)).padStart(7)} ms   p99 ${f1(pct(lat, 99)).padStart(7)} ms   max ${f1(Math.max(...lat)).padStart(7)} ms`,
    );
  };

/** 1. Referral latency: КЦСОН commits a referral, ЦСПН commits the application it opens (steady rate, then saturation). */
async function benchReferrals(pg: RunningPostgres, out: string[]): Promise<{ stack: Stack; citizens: string[] }> {
  const committedAt = new Map<string, number>();
  const stack = await startBenchStack(pg, null, committedAt); // with a broker, bench-referrals.ts measures part 1
  const ss = stack.services['social-service'].deps;
  const who: Principal = { subject: 'bench', agency: 'SOCIAL_SERVICE', roles: ['SPECIALIST'], territory: '25701000' };
  const as = () => ({ deps: ss, principal: who, em: ss.orm.em.fork() });
  const needs = {
    socialHelp: true,
    psychologicalSupport: false,
    employmentHelp: true,
    vocationalTraining: false,
    financialLiteracy: true,
  };
  let seed = 0;
  const prepare = async (n: number): Promise<string[]> => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const app = await registerApplication(as(), {
        citizen: {
          snils: validSnils(++seed),
          lastName: 'Тестова',
          firstName: `Анна${seed}`,
          birthDate: '1990-01-01',
        },
        needs,
        circumstances: [],
      });
      ids.push(app.citizenId);
    }
    return ids;
  };
  const sentAt = new Map<string, number>();
  const refer = async (citizenId: string) => {
    const r = await referForContract(as(), { citizenId, basis: 'LOW_INCOME' });
    sentAt.set(r.id, performance.now()); // the КЦСОН transaction has committed
  };
  const latencies = async (ids: Set<string>) => {
    const deadline = Date.now() + 120_000;
    while ([...ids].some((id) => !committedAt.has(id)) && Date.now() < deadline) await sleep(20);
    return [...ids].filter((id) => committedAt.has(id)).map((id) => committedAt.get(id)! - sentAt.get(id)!);
  };
  const report = referralReport(out);
  out.push('');
  out.push(`1. referral end to end: КЦСОН commit → ЦСПН commit (goal p99 ≤ 100 ms), whole system in one Node process`);

  const probe = { prepare, refer, latencies, sentAt, report };
  let steady: string[] = [];
  for (let run = 1; run <= REPEATS; run++) {
    steady = await steadyArrivals(probe);
    await saturation(probe);
  }
  out.push(`   over ${REPEATS} runs: steady p50 ${results.spread('referral.steady.p50')}`);
  out.push(`                      steady p99 ${results.spread('referral.steady.p99')}`);
  out.push(`                      saturation ${results.spread('referral.saturation.rate')}`);
  return { stack, citizens: steady };
}

/** 3. Gateway overhead: the same query against the subgraph, the tuned gateway and a gateway without keep-alive. */
async function benchGateway(stack: Stack, citizens: string[]): Promise<string[]> {
  // ── 3. gateway overhead (while the stack is up) ─────────────────────────
  const token = await issueToken(auth, {
    subject: 'bench',
    agency: 'SOCIAL_SERVICE',
    roles: ['SPECIALIST'],
    territory: '25',
  });
  const ids = citizens.slice(0, 100);
  const q = 'query B($id: ID!) { citizen(id: $id) { socialServiceApplications { id status } } }';
  const run = async (url: string) => {
    const times: number[] = [];
    const items = Array.from({ length: N_QUERIES }, (_, i) => ids[i % ids.length]!);
    const start = performance.now();
    await pool(items, 8, async (id) => {
      const t = performance.now();
      const r = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-purpose': 'benchmark' },
        body: JSON.stringify({ query: q, variables: { id } }),
      });
      const body = (await r.json()) as { errors?: unknown };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      times.push(performance.now() - t);
    });
    return { rps: N_QUERIES / ((performance.now() - start) / 1000), p50: pct(times, 50), p99: pct(times, 99) };
  };
  await run(stack.services['social-service'].url!); // warm-up: query plan cache, connections
  await run(stack.gatewayUrl);
  const record = (key: string, r: { rps: number; p50: number; p99: number }) => {
    results.add(`gateway.${key}.rps`, 'req/s', 'higher', r.rps);
    results.add(`gateway.${key}.p50`, 'ms', 'lower', r.p50);
    return r;
  };
  let direct = { rps: 0, p50: 0, p99: 0 };
  let tuned = direct;
  for (let i = 0; i < REPEATS; i++) {
    direct = record('direct', await run(stack.services['social-service'].url!));
    tuned = record('tuned', await run(stack.gatewayUrl));
    results.add('gateway.tuned/direct.p50', '×', 'lower', tuned.p50 / direct.p50);
  }
  const { createGatewayServer } = await import('@sc/gateway');
  const plain = await createGatewayServer({
    supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
    subgraphUrls: Object.fromEntries(SERVICE_NAMES.map((n) => [n, stack.services[n].url])),
    auth,
    logger: silent,
    keepAlive: false,
  });
  const plainUrl = await plain.start(0);
  await run(plainUrl);
  let dflt = direct;
  for (let i = 0; i < REPEATS; i++) dflt = record('no-keep-alive', await run(plainUrl));
  await plain.stop();
  const row = (name: string, r: { rps: number; p50: number; p99: number }, base?: number) =>
    `   ${name.padEnd(44)} ${f1(r.rps).padStart(8)} req/s   p50 ${f1(r.p50).padStart(6)} ms   p99 ${f1(r.p99).padStart(6)} ms${base ? `   ×${(r.rps / base).toFixed(2)} throughput` : ''}`;
  const gw: string[] = [];
  gw.push('');
  gw.push(`3. same query (КЦСОН Citizen fields), ${N_QUERIES} requests, 8 concurrent, side by side`);
  gw.push(row('subgraph called directly', direct));
  gw.push(row('gateway (tuned: keep-alive subgraph fetches)', tuned, direct.rps));
  gw.push(row('gateway without keep-alive (TCP per fetch)', dflt, direct.rps));
  gw.push(`   keep-alive / no keep-alive gateway throughput ×${(tuned.rps / dflt.rps).toFixed(2)}`);
  gw.push(
    `   (the last of ${REPEATS} runs; over all: gateway p50 / direct p50 ${results.spread('gateway.tuned/direct.p50')})`,
  );

  return gw;
}

/** Part 5 against the four production processes (`npm start` with a broker). */
async function statisticsOnProcesses(pg: RunningPostgres, kafka: KafkaEnv): Promise<string[]> {
  const target = await startProcessTarget(pg, kafka, {
    STATISTICS_CACHE_MS: process.env.STATISTICS_CACHE_MS ?? '1000',
  });
  try {
    return await benchStatistics(target, auth, results);
  } finally {
    await target.stop();
  }
}

const commitOf = (): string => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
};

/** The run's figures as JSON: BENCH_OUT, else bench-results/<commit>-<time>.json (not committed). */
function writeResults(machine: string, startedAt: Date): string {
  const commit = commitOf();
  const path =
    process.env.BENCH_OUT ?? join('bench-results', `${commit}-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  mkdirSync(join(path, '..'), { recursive: true });
  const settings = Object.fromEntries(
    Object.entries(process.env).filter((e): e is [string, string] => e[0].startsWith('BENCH_') && !!e[1]),
  );
  writeFileSync(
    path,
    `${JSON.stringify(results.toFile({ commit, machine, startedAt: startedAt.toISOString(), settings }), null, 2)}\n`,
  );
  return path;
}

async function main(): Promise<void> {
  const compare = process.argv.indexOf('--compare');
  if (compare >= 0) {
    const [a, b] = process.argv.slice(compare + 1);
    if (!a || !b) throw new Error('usage: npm run bench -- --compare A.json B.json');
    process.stdout.write(`${compareResults(a, b).join('\n')}\n`);
    return;
  }
  const startedAt = new Date();
  const dir = mkdtempSync(join(tmpdir(), 'sc-bench-'));
  chmodSync(dir, 0o755); // as root the server runs as another user, who must reach it
  const pg = await startEmbeddedPostgres({
    dataDir: join(dir, 'data'),
    persistent: false,
    fast: process.env.BENCH_FAST === '1',
    // Part 3 counts the statements each subgraph runs for one request; part 1 reads commit timestamps.
    settings: { shared_preload_libraries: 'pg_stat_statements', track_commit_timestamp: 'on' },
  });
  let mock: RunningKafkaMock | undefined;
  const out: string[] = [];
  try {
    const withBroker = process.env.BENCH_BUS !== 'in-process' && kcatAvailable();
    const broker = withBroker ? 'Kafka-protocol broker (kcat mock, 3 brokers)' : 'in-process bus (kcat not installed)';
    out.push(
      `machine: ${process.platform} ${process.arch}, node ${process.version}; PostgreSQL (embedded, durable settings); messaging: ${broker}`,
    );
    // Part 1 starts a broker of its own per run; this one serves the parts after it.
    const part1 = withBroker ? await benchReferralProcesses(pg, results, REPEATS) : undefined;
    const kafka: KafkaEnv | null = withBroker
      ? ((mock = await startKafkaMock(3)), localKafkaEnv(mock.brokers, { maxWaitTimeMs: BENCH_MAX_WAIT_MS }))
      : null;

    const parts: string[] = []; // parts 3–5, printed after the relay's
    if (kafka && part1) {
      // Production layout: part 1 on separate processes; part 3 on the databases part 1 filled last.
      out.push(...part1.lines);
      const gw =
        N_QUERIES === 0
          ? []
          : await benchGatewayProcesses(pg, kafka, part1.databases, part1.citizens, results, REPEATS);
      const lists = process.env.BENCH_CASES === '0' ? [] : await worklistsInProcess(pg, kafka);
      const stats = process.env.BENCH_STAT_CONTRACTS === '0' ? [] : await statisticsOnProcesses(pg, kafka);
      parts.push(...gw, ...lists, ...stats);
    } else {
      const { stack, citizens } = await benchReferrals(pg, out);
      const gw = await benchGateway(stack, citizens);
      const lists = process.env.BENCH_CASES === '0' ? [] : await benchWorklists(stack, auth);
      const withStats = process.env.BENCH_STAT_CONTRACTS !== '0';
      const stats = withStats ? await benchStatistics(inProcessTarget(stack), auth, results) : [];
      await stack.stop();
      parts.push(...gw, ...lists, ...stats);
    }
    out.push(...(await benchRelay(pg, kafka, results, REPEATS)), ...parts);
  } finally {
    await mock?.stop();
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  // Last, with nothing else running: `npm start` from cold.
  if (process.env.BENCH_COLD_START !== '0') out.push(...(await benchColdStart(results)));
  const saved = writeResults(out[0] ?? '', startedAt);
  out.push('', `every figure (${REPEATS} runs of parts 1–3), written to ${saved}:`, ...results.summary());
  process.stdout.write(`\n${out.join('\n')}\n\n`);
  process.exit(0);
}

void main().catch((e) => {
  console.error(e instanceof EmbeddedPostgresError ? `npm run bench: ${e.message}` : e);
  process.exit(1);
});
