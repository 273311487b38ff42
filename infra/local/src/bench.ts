/**
 * npm run bench — figures measured side by side in one run, on this machine:
 * 1. referral end-to-end latency: commit in КЦСОН → row committed in ЦСПН, p50/p99;
 * 2. outbox relay throughput, Kafka-protocol broker vs the in-process bus;
 * 3. gateway vs the subgraph called directly for the same data, and the gateway
 *    with keep-alive subgraph fetches vs one opening a connection per fetch.
 * Goals (DESIGN.md, issue 2): p99 ≤ 100 ms with the broker; relay ≥ 2,000 msg/s.
 * BENCH_REFERRALS (1000 per run), BENCH_RATE (20/s steady), BENCH_SENDERS (4 at saturation),
 * BENCH_RELAY_MESSAGES (20000), BENCH_QUERIES (2000) size it; parts 4 (worklists, BENCH_CASES) and 5
 * (statistics, BENCH_STAT_CONTRACTS, BENCH_STAT_RECORDS) are in bench-worklists.ts and bench-statistics.ts.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { authConfigFrom, issueToken, type Principal } from '@sc/auth';
import { createLogger } from '@sc/runtime';
import {
  EmbeddedPostgresError,
  ensureDatabase,
  kcatAvailable,
  startEmbeddedPostgres,
  startKafkaMock,
  type RunningKafkaMock,
  type RunningPostgres,
} from '@sc/local-infra';
import { InProcessBus, KafkaBus, MESSAGING_TABLES_V1, OutboxRelay, type MessageBus } from '@sc/messaging';
import { DEV_CITIZEN_ID_SECRET, localKafkaEnv, type KafkaEnv, type ServiceConfig } from '@sc/subgraph-kit';
import { SUPERGRAPH_PATH } from '@sc/gateway';
import { referForContract, registerApplication } from '@sc/social-service';
import { validSnils } from '@sc/testing';
import { SERVICE_NAMES, startStack, type ServiceName, type Stack } from './stack';
import { inProcessTarget, startProcessTarget } from './bench-processes';
import { benchStatistics } from './bench-statistics';
import { benchWorklists } from './bench-worklists';

const N_REFERRALS = Number(process.env.BENCH_REFERRALS ?? 1000);
const N_RELAY = Number(process.env.BENCH_RELAY_MESSAGES ?? 20000);
const N_QUERIES = Number(process.env.BENCH_QUERIES ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_SENDERS ?? 4);
const RATE = Number(process.env.BENCH_RATE ?? 20);
const auth = authConfigFrom({ JWT_ISSUER: 'sc-dev-idp', JWT_AUDIENCE: 'social-contract-federation' });
const silent = createLogger('bench', 'silent');

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const f1 = (x: number) => x.toFixed(1);

async function pool<T>(items: T[], n: number, fn: (t: T) => Promise<void>): Promise<void> {
  let i = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (i < items.length) await fn(items[i++]!);
    }),
  );
}

function serviceConfig(name: string, databaseUrl: string, prefix: string): ServiceConfig {
  return {
    name,
    port: 0,
    databaseUrl,
    dbPoolMax: 10,
    statisticsCacheMs: Number(process.env.STATISTICS_CACHE_MS ?? 1000),
    auth,
    citizenIdSecret: DEV_CITIZEN_ID_SECRET,
    topicPrefix: prefix,
    region: '25',
    timeZone: 'Asia/Irkutsk',
    outbox: { batchSize: 500, idlePollMs: 500, retentionHours: 24 },
    consumer: { maxAttempts: 5 },
    logLevel: 'silent',
  };
}

interface ReferralProbe {
  prepare(n: number): Promise<string[]>;
  refer(citizenId: string): Promise<void>;
  latencies(ids: Set<string>): Promise<number[]>;
  sentAt: Map<string, number>;
  report(title: string, lat: number[], n: number, rate: number): void;
}

/** Open-loop arrivals at BENCH_RATE per second; returns the citizens referred. */
async function steadyArrivals({ prepare, refer, latencies, sentAt, report }: ReferralProbe): Promise<string[]> {
  // steady open-loop arrivals at BENCH_RATE per second
  const steady = await prepare(N_REFERRALS);
  const t0 = performance.now();
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < steady.length; i++) {
    const due = t0 + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inflight.push(refer(steady[i]!));
  }
  await Promise.all(inflight);
  const steadyRate = N_REFERRALS / ((performance.now() - t0) / 1000);
  report(`steady arrivals (${RATE}/s target)`, await latencies(new Set(sentAt.keys())), N_REFERRALS, steadyRate);

  return steady;
}

/** CONCURRENCY senders back to back: how many referrals per second the system sustains. */
async function saturation({ prepare, refer, latencies, sentAt, report }: ReferralProbe): Promise<void> {
  // saturation: CONCURRENCY senders back to back
  const burst = await prepare(N_REFERRALS);
  const seenBefore = new Set(sentAt.keys());
  const t0 = performance.now();
  await pool(burst, CONCURRENCY, refer);
  const burstRate = N_REFERRALS / ((performance.now() - t0) / 1000);
  report(
    `saturation (${CONCURRENCY} senders, no pause)`,
    await latencies(new Set([...sentAt.keys()].filter((k) => !seenBefore.has(k)))),
    N_REFERRALS,
    burstRate,
  );
}

/** 1. Referral latency: КЦСОН commits a referral, ЦСПН commits the application it opens (steady rate, then saturation). */
async function benchReferrals(
  pg: RunningPostgres,
  kafka: KafkaEnv | null,
  out: string[],
): Promise<{ stack: Stack; citizens: string[] }> {
  // ── 1. referral latency ───────────────────────────────────────────────
  const urls = {} as Record<ServiceName, string>;
  for (const n of SERVICE_NAMES) {
    await ensureDatabase(pg.url('postgres'), `bench_${n.replace(/-/g, '_')}`);
    urls[n] = pg.url(`bench_${n.replace(/-/g, '_')}`);
  }
  const committedAt = new Map<string, number>();
  const stack = await startStack({
    services: Object.fromEntries(SERVICE_NAMES.map((n) => [n, serviceConfig(n, urls[n], 'bench.')])) as Record<
      ServiceName,
      ServiceConfig
    >,
    kafka,
    gateway: { port: 0, supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'), auth },
    logLevel: 'silent',
    onConsumed: {
      'social-protection': (outcome, env) => {
        if (outcome === 'handled' && env?.type === 'referral.for-contract.v1')
          committedAt.set((env.data as { referralId: string }).referralId, performance.now());
      },
    },
  });
  await new Promise((r) => setTimeout(r, 8000)); // consumer groups settle on the mock before measuring
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
    while ([...ids].some((id) => !committedAt.has(id)) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    return [...ids].filter((id) => committedAt.has(id)).map((id) => committedAt.get(id)! - sentAt.get(id)!);
  };
  const report = (title: string, lat: number[], n: number, rate: number) => {
    out.push(
      `   ${title.padEnd(34)} ${String(lat.length).padStart(5)}/${n} delivered at ${f1(rate).padStart(6)} referrals/s   p50 ${f1(pct(lat, 50)).padStart(7)} ms   p95 ${f1(pct(lat, 95)).padStart(7)} ms   p99 ${f1(pct(lat, 99)).padStart(7)} ms   max ${f1(Math.max(...lat)).padStart(7)} ms`,
    );
  };
  out.push('');
  out.push(`1. referral end to end: КЦСОН commit → ЦСПН commit (goal p99 ≤ 100 ms), whole system in one Node process`);

  const probe = { prepare, refer, latencies, sentAt, report };
  const steady = await steadyArrivals(probe);
  await saturation(probe);
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
  const direct = await run(stack.services['social-service'].url!);
  const tuned = await run(stack.gatewayUrl);
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
  const dflt = await run(plainUrl);
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

  return gw;
}

/** 2. Outbox relay throughput: pre-filled outbox rows published to the broker and to the in-process bus. */
async function benchRelay(pg: RunningPostgres, kafka: KafkaEnv | null): Promise<string[]> {
  // ── 2. relay throughput ──────────────────────────────────────────────────
  const relayRun = async (label: string, bus: MessageBus) => {
    const db = `bench_relay_${label.replace(/\W/g, '')}`;
    await ensureDatabase(pg.url('postgres'), db);
    const c = new Client({ connectionString: pg.url(db) });
    await c.connect();
    for (const sql of MESSAGING_TABLES_V1) await c.query(sql);
    await c.query(
      `insert into outbox_message (id, topic, key, type, headers, payload)
       select gen_random_uuid(), 'bench.relay.v1', 'citizen-' || (g % 500), 'bench.v1',
              jsonb_build_object('ce_id', gen_random_uuid()::text, 'ce_type', 'bench.v1'), repeat('x', 400)
       from generate_series(1, $1) g`,
      [N_RELAY],
    );
    const relay = new OutboxRelay({
      connectionString: pg.url(db),
      bus,
      logger: silent,
      batchSize: 500,
      idlePollMs: 50,
      standbyPollMs: 50,
      backoff: { initialMs: 50, maxMs: 1000, factor: 2 },
      retentionMs: 3600_000,
    });
    const start = performance.now();
    relay.start();
    while (relay.stats.published < N_RELAY) await new Promise((r) => setTimeout(r, 5));
    const s = (performance.now() - start) / 1000;
    await relay.stop();
    const left = Number(
      (await c.query('select count(*) from outbox_message where published_at is null')).rows[0].count,
    );
    await c.end();
    return { rate: N_RELAY / s, left };
  };
  const relayOut: string[] = [''];
  relayOut.push(`2. outbox relay: ${N_RELAY} messages of 400 bytes, batches of 500, side by side`);
  let kafkaRate = 0;
  if (kafka) {
    const kb = new KafkaBus({ ...kafka, clientId: 'bench-relay', logger: silent });
    const k = await relayRun('kafka', kb);
    await kb.close();
    kafkaRate = k.rate;
    relayOut.push(
      `   to the Kafka-protocol broker (acks = all)   ${f1(k.rate).padStart(9)} msg/s   unpublished after: ${k.left}   (goal ≥ 2,000 msg/s)`,
    );
  }
  const ip = await relayRun('inprocess', new InProcessBus());
  relayOut.push(
    `   to the in-process bus                       ${f1(ip.rate).padStart(9)} msg/s   unpublished after: ${ip.left}`,
  );
  if (kafkaRate) relayOut.push(`   broker / in-process ×${(kafkaRate / ip.rate).toFixed(2)}`);
  return relayOut;
}

/** Part 5 against the four production processes (`npm start` with a broker). */
async function statisticsOnProcesses(pg: RunningPostgres, kafka: KafkaEnv): Promise<string[]> {
  const target = await startProcessTarget(pg, kafka, {
    STATISTICS_CACHE_MS: process.env.STATISTICS_CACHE_MS ?? '1000',
  });
  try {
    return await benchStatistics(target, auth);
  } finally {
    await target.stop();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sc-bench-'));
  chmodSync(dir, 0o755); // as root the server runs as another user, who must reach it
  const pg = await startEmbeddedPostgres({
    dataDir: join(dir, 'data'),
    persistent: false,
    fast: process.env.BENCH_FAST === '1',
  });
  let mock: RunningKafkaMock | undefined;
  const out: string[] = [];
  try {
    const kafka: KafkaEnv | null =
      process.env.BENCH_BUS !== 'in-process' && kcatAvailable()
        ? ((mock = await startKafkaMock(3)), localKafkaEnv(mock.brokers, { maxWaitTimeMs: 10 }))
        : null;
    const broker = kafka ? 'Kafka-protocol broker (kcat mock, 3 brokers)' : 'in-process bus (kcat not installed)';
    out.push(
      `machine: ${process.platform} ${process.arch}, node ${process.version}; PostgreSQL (embedded, durable settings); messaging: ${broker}`,
    );

    const { stack, citizens } = await benchReferrals(pg, kafka, out);
    const gw = await benchGateway(stack, citizens);
    const lists = process.env.BENCH_CASES === '0' ? [] : await benchWorklists(stack, auth);
    // Statistics on the production layout (a process per service and the gateway) when there is a broker,
    // after the in-process stack has stopped, so the two do not share the CPU.
    const withStats = process.env.BENCH_STAT_CONTRACTS !== '0';
    let stats = withStats && !kafka ? await benchStatistics(inProcessTarget(stack), auth) : [];
    await stack.stop();
    if (withStats && kafka) stats = await statisticsOnProcesses(pg, kafka);
    out.push(...(await benchRelay(pg, kafka)), ...gw, ...lists, ...stats);
  } finally {
    await mock?.stop();
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(`\n${out.join('\n')}\n\n`);
  process.exit(0);
}

void main().catch((e) => {
  console.error(e instanceof EmbeddedPostgresError ? `npm run bench: ${e.message}` : e);
  process.exit(1);
});
