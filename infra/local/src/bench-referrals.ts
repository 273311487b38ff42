/**
 * npm run bench, part 1 on the production layout (issue 15, item 1): the
 * three services and the gateway as separate processes (their `main.ts`)
 * with the Kafka-protocol broker. A КЦСОН specialist refers citizens for a
 * social contract through КЦСОН's GraphQL API; each referral travels
 * КЦСОН commit → (outbox, broker) → ЦСПН commit of the application and its
 * «принято» → (outbox, broker) → КЦСОН commit of the acceptance.
 *
 * The moments are PostgreSQL's own commit timestamps (track_commit_timestamp)
 * of the receiving rows, so the benchmark needs no hook in the services and
 * its polling does not shift the figures; the start is when the mutation's
 * answer (sent after its commit) reached the client.
 */
import { availableParallelism } from 'node:os';
import { issueToken } from '@sc/auth';
import { sleep } from '@sc/kernel';
import { ensureDatabase, startKafkaMock, type RunningPostgres } from '@sc/local-infra';
import { localKafkaEnv } from '@sc/subgraph-kit';
import { validSnils } from '@sc/testing';
import { Client } from 'pg';
import {
  BENCH_AUTH,
  BENCH_MAX_WAIT_MS,
  f1,
  graphqlClient,
  openLoop,
  pct,
  pool,
  profilingEnv,
  SENDERS,
  wallNow,
} from './bench-common';
import { cpuLine, cpuNow, marginalLine, statementCounter } from './bench-referral-costs';
import { startProcessTarget } from './bench-processes';
import { cpuTimeline, hopsLine, slowWindow, stallLine } from './bench-stalls';
import { backlogRun } from './bench-backlog';
import { pauseProbe } from './bench-pauses';
import type { BenchResults } from './bench-results';
import { SERVICE_NAMES, type ServiceName } from './stack';

const N_STEADY = Number(process.env.BENCH_REFERRALS ?? 1000);
const RATE = Number(process.env.BENCH_RATE ?? 20);
/** Referrals of one saturation run. */
const N_BURST = Number(process.env.BENCH_BURST_REFERRALS ?? 3000);
/** Referrals of one backlog run (0: none), sent by SENDERS too. */
const N_BACKLOG = Number(process.env.BENCH_BACKLOG_REFERRALS ?? 3000);
/** SNILS of the next citizen registered (unique over the whole run, whatever the databases). */
let snils = 5_000_000;

const REGISTER = `mutation R($input: RegisterSocialServiceApplicationInput!) {
  registerSocialServiceApplication(input: $input) { id citizen { id } } }`;
const REFER = `mutation F($input: ReferCitizenForSocialContractInput!) { referCitizenForSocialContract(input: $input) { id } }`;
const NEEDS = {
  socialHelp: true,
  psychologicalSupport: false,
  employmentHelp: true,
  vocationalTraining: false,
  financialLiteracy: true,
};

/** When each referral reached ЦСПН and came back accepted (epoch ms, commit timestamps). */
interface Arrivals {
  atSocialProtection: Map<string, number>;
  acceptedBack: Map<string, number>;
}

export interface ReferralPart {
  lines: string[];
  /** The databases the run filled, for part 3. */
  databases: Record<ServiceName, string>;
  /** Citizens referred (known to КЦСОН and ЦСПН). */
  citizens: string[];
}

/**
 * The levers of issue 15 measured, not assumed: one saturation run per
 * setting, each on fresh processes and databases, side by side. The first
 * line is how the consumer worked before batches.
 */
const LEVERS: { name: string; env: NodeJS.ProcessEnv; database?: Record<string, string>; brokers?: number }[] = [
  { name: 'one record per transaction, no linger', env: { CONSUMER_BATCH_SIZE: '1', OUTBOX_LINGER_MS: '0' } },
  {
    name: 'batches of up to 100, no linger',
    env: { CONSUMER_BATCH_SIZE: '100', OUTBOX_LINGER_MS: '0' },
  },
  { name: 'batches, relay linger 10 ms (the defaults)', env: { OUTBOX_LINGER_MS: '10' } },
  { name: 'batches, relay linger 25 ms', env: { OUTBOX_LINGER_MS: '25' } },
  { name: 'defaults, kafkajs maxWaitTime 100 ms (not 10)', env: { KAFKA_MAX_WAIT_MS: '100' } },
  {
    name: 'defaults, kafkajs 4 partitions at a time per consumer (not one per partition held)',
    env: { KAFKA_PARTITIONS_CONCURRENTLY: '4' },
  },
  // What the consumers' polling costs: each fetches from every broker every 10 ms on the mock.
  { name: 'defaults, a mock of one broker (not three)', env: {}, brokers: 1 },
  { name: 'defaults, relay batches of 50 (not 500)', env: { OUTBOX_BATCH_SIZE: '50' } },
  { name: 'defaults, pool of 20 connections (not 10)', env: { DB_POOL_MAX: '20' } },
  {
    name: "defaults, Node's young generation larger (--max-semi-space-size=64)",
    env: { NODE_OPTIONS: '--max-semi-space-size=64' },
  },
  {
    name: 'defaults, group commit (commit_delay 1 ms)',
    env: {},
    database: { commit_delay: '1000', commit_siblings: '2' },
  },
];

/**
 * Each repeat (and each lever) runs on a system of its own — fresh
 * databases, fresh processes and a fresh broker — so the repeats measure the
 * same thing: on one long-lived system the librdkafka mock, which keeps every
 * message in memory, cost twice as much CPU per referral by the fifth run
 * (bba6c7c: p99 72, 80, 97, then 309 and 229 ms), and each run's tables
 * started larger than the last.
 */
export async function benchReferralProcesses(
  pg: RunningPostgres,
  results: BenchResults,
  repeats: number,
): Promise<ReferralPart> {
  const lines: string[] = [''];
  let last: { databases: Record<ServiceName, string>; citizens: string[] } | undefined;
  for (let run = 1; run <= repeats; run++) {
    const sut = await startSystem(pg, `benchr${run}`, {});
    if (run === 1)
      lines.push(
        `1. referral end to end: КЦСОН commit → ЦСПН commit → acceptance committed back in КЦСОН; ${sut.label}, Kafka-protocol broker; each run on fresh processes, databases and broker`,
      );
    try {
      const { line, referred } = await steadyRun(sut.probe, results);
      lines.push(line, ...(await saturationRun(sut.probe, results, 'referral.saturation', run === repeats)));
      if (run === repeats) lines.push(`   memory after the last run: ${sut.memory()}`);
      last = { databases: sut.databases, citizens: referred };
    } finally {
      await sut.stop();
    }
    // On a system of its own too: part 3 reads the databases above as the steady and saturation runs left them.
    if (N_BACKLOG > 0) {
      const backlog = await startSystem(pg, `benchb${run}`, {});
      try {
        lines.push(...(await backlogRun(backlog.probe, results, 'referral.backlog', N_BACKLOG, run === repeats)));
      } finally {
        await backlog.stop();
      }
    }
  }
  lines.push(
    `   over ${repeats} runs: steady p50 to ЦСПН ${results.spread('referral.steady.p50')}`,
    `                      steady p99 to ЦСПН ${results.spread('referral.steady.p99')} (goal ≤ 100 ms in every run)`,
    `                      steady p99 back in КЦСОН ${results.spread('referral.steady.round-trip.p99')}`,
    `                      end-to-end throughput ${results.spread('referral.saturation.rate')} (goal ≥ 500/s)`,
    ...(N_BACKLOG > 0
      ? [
          `                      after КЦСОН's commit, a backlog of ${N_BACKLOG} ${results.spread('referral.backlog.rate')}`,
        ]
      : []),
    `   ceiling the CPU sets: ${availableParallelism()} cores ÷ ${f1(results.median('referral.saturation.cpu.machine'))} ms of the machine's CPU per referral ≈ ${f1((availableParallelism() * 1000) / results.median('referral.saturation.cpu.machine'))} referrals/s`,
    `   …and beyond what the system spends at rest (${f1(results.median('referral.saturation.cpu-at-rest'))} cores): (${availableParallelism()} − ${f1(results.median('referral.saturation.cpu-at-rest'))}) ÷ ${f1(results.median('referral.saturation.cpu-beyond-rest.machine'))} ms ≈ ${f1(((availableParallelism() - results.median('referral.saturation.cpu-at-rest')) * 1000) / results.median('referral.saturation.cpu-beyond-rest.machine'))} referrals/s`,
  );
  if (process.env.BENCH_LEVERS !== '0') lines.push(...(await levers(pg, results)));
  return { lines, databases: last!.databases, citizens: last!.citizens };
}

/** One saturation run per lever setting, each on its own processes and databases. */
async function levers(pg: RunningPostgres, results: BenchResults): Promise<string[]> {
  const out = [`   levers, one saturation run each (${N_BURST} referrals, ${SENDERS} senders; fresh processes):`];
  for (const [i, lever] of LEVERS.entries()) {
    // Own databases and broker: nothing left by the run before (inboxes, topics) weighs on this one.
    const sut = await startSystem(pg, `benchl${i}`, lever.env, lever.database, lever.brokers);
    try {
      const [line, cpu] = await saturationRun(sut.probe, results, `referral.lever.${i}`, false);
      out.push(`   · ${lever.name}:`, `   ${line}`, `   ${cpu}`);
    } finally {
      await sut.stop();
    }
  }
  out.push(
    `   (one run each: a lever shows only outside the spread of the runs above — rate ${results.spread('referral.saturation.rate')}, machine CPU ${results.spread('referral.saturation.cpu.machine')} per referral)`,
  );
  return out;
}

/** The four processes on fresh databases (with `settings` on them) and a broker of their own, a probe on them, warmed up. */
async function startSystem(
  pg: RunningPostgres,
  prefix: string,
  env: NodeJS.ProcessEnv,
  settings: Record<string, string> = {},
  brokers = 3,
) {
  const databases = {} as Record<ServiceName, string>;
  const admin = new Client({ connectionString: pg.url('postgres') });
  await admin.connect();
  try {
    for (const n of SERVICE_NAMES) {
      const db = `${prefix}_${n.replace(/-/g, '_')}`;
      await ensureDatabase(pg.url('postgres'), db);
      for (const [k, v] of Object.entries(settings)) await admin.query(`alter database ${db} set ${k} = '${v}'`);
      databases[n] = pg.url(db);
    }
  } finally {
    await admin.end();
  }
  const mock = await startKafkaMock(brokers);
  let target: Awaited<ReturnType<typeof startProcessTarget>> | undefined;
  let probe: Probe | undefined;
  const stop = async () => {
    await probe?.arrivals.close();
    await probe?.statements.close();
    await target?.stop();
    await mock.stop();
  };
  try {
    const kafka = localKafkaEnv(mock.brokers, { maxWaitTimeMs: BENCH_MAX_WAIT_MS });
    target = await startProcessTarget(pg, kafka, { ...env, ...profilingEnv() }, databases);
    probe = probeOf(target, pg, databases);
    await settle(probe); // consumer groups joined, plans and connections warm
  } catch (e) {
    await stop(); // nothing of a system that did not come up is left running
    throw e;
  }
  return { probe, databases, label: target.label, memory: target.memory, stop };
}

/** Registration and referral through КЦСОН's API as one of its specialists, and the readers of the outcome. */
function probeOf(
  target: Awaited<ReturnType<typeof startProcessTarget>>,
  pg: RunningPostgres,
  databases: Record<ServiceName, string>,
): Probe {
  const token = issueToken(BENCH_AUTH, {
    subject: 'bench-referrals',
    agency: 'SOCIAL_SERVICE',
    roles: ['SPECIALIST'],
    territory: '25701000',
  });
  const ask = async <T>(query: string, variables: Record<string, unknown>) =>
    graphqlClient(await token)<T>(target.serviceUrl('social-service'), query, variables);
  const prepare = async (n: number): Promise<string[]> => {
    const ids: string[] = [];
    const items = Array.from({ length: n }, () => ++snils);
    await pool(items, 8, async (s) => {
      const d = await ask<{ registerSocialServiceApplication: { citizen: { id: string } } }>(REGISTER, {
        input: {
          citizen: { snils: validSnils(s), lastName: 'Тестова', firstName: `Анна${s}`, birthDate: '1990-01-01' },
          needs: NEEDS,
          circumstances: [],
        },
      });
      ids.push(d.registerSocialServiceApplication.citizen.id);
    });
    return ids;
  };
  const sentAt = new Map<string, number>();
  const refer = async (citizenId: string) => {
    const d = await ask<{ referCitizenForSocialContract: { id: string } }>(REFER, {
      input: { citizenId, basis: 'LOW_INCOME' },
    });
    sentAt.set(d.referCitizenForSocialContract.id, wallNow()); // КЦСОН's transaction has committed
  };
  return {
    prepare,
    refer,
    sentAt,
    arrivals: arrivalsReader(databases),
    statements: statementCounter(pg, databases),
    pauses: pauseProbe({
      ...Object.fromEntries(SERVICE_NAMES.map((n) => [n, target.serviceUrl(n)])),
      gateway: target.gatewayUrl,
    }),
    cpu: () => cpuNow(target.pid),
    databases,
  };
}

/** What the runs need of the system under test and of the client. */
interface Probe {
  prepare(n: number): Promise<string[]>;
  refer(citizenId: string): Promise<void>;
  arrivals: ReturnType<typeof arrivalsReader>;
  /** Referral id → when its КЦСОН commit was answered (epoch ms). */
  sentAt: Map<string, number>;
  statements: ReturnType<typeof statementCounter>;
  pauses: ReturnType<typeof pauseProbe>;
  cpu(): Record<string, number>;
  databases: Record<ServiceName, string>;
}

/** A first small run, unmeasured: the consumers have joined their groups and everything is warm. */
async function settle(p: Probe): Promise<void> {
  await pool(await p.prepare(50), 4, p.refer);
  await p.arrivals.wait(p.sentAt);
  p.sentAt.clear();
}

/** N_STEADY referrals arriving at RATE per second (open loop: each at its time, whatever the answers do). */
async function steadyRun(p: Probe, results: BenchResults): Promise<{ line: string; referred: string[] }> {
  const referred = await p.prepare(N_STEADY);
  p.sentAt.clear();
  const t0 = wallNow();
  const c0 = await p.statements.checkpoints();
  await p.pauses.start();
  const timeline = cpuTimeline(p.cpu);
  await openLoop(referred, RATE, p.refer);
  const arrived = await p.arrivals.wait(p.sentAt);
  const samples = timeline.stop();
  const pauses = await p.pauses.line(results, 'referral.steady');
  const c1 = await p.statements.checkpoints();
  const checkpoints = { count: c1.count - c0.count, buffers: c1.buffers - c0.buffers };
  const line = report(results, 'referral.steady', `steady arrivals (${RATE}/s)`, p.sentAt, arrived, t0);
  const slow = slowWindow(p.sentAt, arrived.atSocialProtection);
  const stall = stallLine(slow, t0, samples, checkpoints);
  const hops = slow
    ? await hopsLine(p.databases['social-service'], p.databases['social-protection'], slow.firstSent, slow.lastSent)
    : undefined;
  return { line: [line, stall, ...(hops ? [hops] : []), pauses].join('\n'), referred };
}

/** N_BURST referrals from SENDERS specialists back to back; with the CPU and SQL statements they cost. */
async function saturationRun(p: Probe, results: BenchResults, key: string, detail: boolean): Promise<string[]> {
  const burst = await p.prepare(N_BURST);
  p.sentAt.clear();
  const rest = await cpuAtRest(p);
  await p.statements.reset();
  const b0 = wallNow();
  const cpu0 = p.cpu();
  await pool(burst, SENDERS, p.refer);
  const sendRate = N_BURST / ((wallNow() - b0) / 1000);
  results.add(`${key}.send-rate`, '/s', 'higher', sendRate);
  const arrived = await p.arrivals.wait(p.sentAt);
  const cpu1 = p.cpu();
  const seconds = (wallNow() - b0) / 1000;
  return [
    report(results, key, `${SENDERS} senders, no pause`, p.sentAt, arrived, b0) + `   (sent at ${f1(sendRate)}/s)`,
    cpuLine(results, key, cpu0, cpu1, N_BURST),
    marginalLine(results, key, rest, cpu0, cpu1, seconds, N_BURST),
    ...(await p.statements.perReferral(results, key, N_BURST, detail)),
  ];
}

/** Each process's CPU per second (ms) while nothing is sent, after the registrations before the run have settled. */
async function cpuAtRest(p: Probe): Promise<Record<string, number>> {
  await sleep(2000);
  const [a, t0] = [p.cpu(), wallNow()];
  await sleep(3000);
  const [b, seconds] = [p.cpu(), (wallNow() - t0) / 1000];
  // Not below 0: PostgreSQL's figure is the sum over its live processes, and a backend that ends takes its CPU along.
  return Object.fromEntries(Object.keys(b).map((k) => [k, Math.max(0, b[k]! - a[k]!) / seconds]));
}

/**
 * One line per run: latency to ЦСПН's commit and back to КЦСОН's, and the
 * end-to-end rate — referrals over the time from the first send to the last
 * acceptance committed back.
 */
function report(
  results: BenchResults,
  key: string,
  title: string,
  sentAt: Map<string, number>,
  a: Arrivals,
  startedAt: number,
): string {
  const there = [...sentAt].filter(([id]) => a.atSocialProtection.has(id));
  const toSp = there.map(([id, t]) => a.atSocialProtection.get(id)! - t);
  const back = [...sentAt].filter(([id]) => a.acceptedBack.has(id)).map(([id, t]) => a.acceptedBack.get(id)! - t);
  const last = Math.max(...a.acceptedBack.values());
  const rate = a.acceptedBack.size / ((last - startedAt) / 1000);
  results.add(`${key}.rate`, '/s', 'higher', rate);
  results.add(`${key}.p50`, 'ms', 'lower', pct(toSp, 50));
  results.add(`${key}.p99`, 'ms', 'lower', pct(toSp, 99));
  results.add(`${key}.round-trip.p50`, 'ms', 'lower', pct(back, 50));
  results.add(`${key}.round-trip.p99`, 'ms', 'lower', pct(back, 99));
  results.add(`${key}.delivered`, '%', 'higher', (100 * back.length) / sentAt.size);
  const ms = (x: number) => f1(x).padStart(7);
  return `   ${title.padEnd(24)} ${String(back.length).padStart(5)}/${sentAt.size} back at ${f1(rate).padStart(6)}/s   to ЦСПН p50 ${ms(pct(toSp, 50))} p99 ${ms(pct(toSp, 99))} ms   back p50 ${ms(pct(back, 50))} p99 ${ms(pct(back, 99))} max ${ms(Math.max(...back))} ms`;
}

/** Reads the commit timestamps of the referrals' rows at ЦСПН (received) and КЦСОН (accepted). */
function arrivalsReader(databases: Record<ServiceName, string>) {
  const sp = new Client({ connectionString: databases['social-protection'] });
  const ss = new Client({ connectionString: databases['social-service'] });
  const connected = Promise.all([sp.connect(), ss.connect()]);
  const committed = async (c: Client, sql: string, ids: string[]) => {
    const { rows } = await c.query<{ id: string; t: number }>(sql, [ids]);
    return new Map(rows.map((r) => [r.id, Number(r.t)]));
  };
  const COMMIT_MS = 'extract(epoch from pg_xact_commit_timestamp(xmin)) * 1000';
  return {
    /** Waits (up to 3 minutes) until every referral sent is accepted back. */
    async wait(sentAt: Map<string, number>): Promise<Arrivals> {
      await connected;
      const ids = [...sentAt.keys()];
      let acceptedBack = new Map<string, number>();
      for (const until = Date.now() + 180_000; Date.now() < until; await sleep(250)) {
        acceptedBack = await committed(
          ss,
          `select id::text, ${COMMIT_MS} as t from outgoing_referral where id = any($1::uuid[]) and status <> 'SENT'`,
          ids,
        );
        if (acceptedBack.size === ids.length) break;
      }
      const atSocialProtection = await committed(
        sp,
        `select id::text, ${COMMIT_MS} as t from incoming_referral where id = any($1::uuid[])`,
        ids,
      );
      return { atSocialProtection, acceptedBack };
    },
    close: () => Promise.all([sp.end(), ss.end()]).then(() => undefined),
  };
}
