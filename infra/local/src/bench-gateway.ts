/**
 * npm run bench, part 3 — the gateway on the production layout (issue 15,
 * items 2–4): the three services and the gateway as separate processes (their
 * `main.ts`), on the databases part 1 filled, plus Apollo's own default
 * gateway (plain-gateway.ts) as a fifth process. Side by side, in one run:
 * the federated case file (a citizen with fields from all three subgraphs)
 * asked of the project's gateway, of the default gateway, and of the three
 * subgraphs directly and in parallel by the client; each gateway's CPU per
 * request (from /proc); and the SQL statements each subgraph runs for a list
 * of 50 citizens resolved through `_entities` (pg_stat_statements).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { once } from 'node:events';
import { GATEWAY_ASSERTION_HEADER, gatewayAssertionSigner, issueToken } from '@sc/auth';
import type { KafkaEnv } from '@sc/subgraph-kit';
import { freePort, type RunningPostgres } from '@sc/local-infra';
import { Client } from 'pg';
import { metric, scrape, type Sample } from '@sc/testing';
import { BENCH_AUTH, cpuMsOf, f1, graphqlClient, pct, pool, profilingEnv } from './bench-common';
import { startProcessTarget } from './bench-processes';
import type { BenchResults } from './bench-results';
import { SERVICE_NAMES, type ServiceName } from './stack';
import { NODE_FLAGS } from './supervisor';
import { sleep } from '@sc/kernel';

const N_QUERIES = Number(process.env.BENCH_QUERIES ?? 2000);
const CONCURRENCY = 8;
/** Requests one at a time, for the latency of the path itself (at 8 concurrent it is mostly queueing for 2 cores). */
const N_ALONE = Math.max(50, Math.round(N_QUERIES / 5));

/** Each subgraph's share of the case file: what the client asks for when it calls the three itself. */
const SHARES: Record<ServiceName, string> = {
  'social-protection': 'socialProtectionProfile { lastName birthDate } contractApplications { id status }',
  employment: 'employmentProfile { lastName } jobSeekerRegistrations { id status }',
  'social-service': 'socialServiceProfile { lastName } socialServiceApplications { id status }',
};
const caseFile = (fields: string) => `query CaseFile($id: ID!) { citizen(id: $id) { id ${fields} } }`;
/**
 * `citizen(id:)` is a root field of every subgraph (@shareable), so the gateway's
 * plan is the same three fetches in parallel the client makes directly, not a
 * root and then `_entities` (gateway/src/supergraph.spec.ts): the difference
 * between the two is the gateway's own work and one more hop.
 */
const CASE_FILE = caseFile(Object.values(SHARES).join(' '));
/** 50 citizens from ЦСПН's worklist, each with fields of ЦЗН and КЦСОН: one `_entities` fetch to each. */
const LIST_OF_50 = `{ scApplications(first: 50) { edges { node { id citizen {
  jobSeekerRegistrations { id status } employmentPlans { id } socialServiceApplications { id status } urgentServiceCases { id } } } } } }`;
/** Statements of the services' own background work (relay, inbox, scheduler), not of the request. */
const BACKGROUND = /outbox|inbox|pgboss|graphile|dead_letter|scheduler|job|pg_stat|pg_catalog|lease|heartbeat/i;

interface Run {
  /** One request at a time. */
  p50: number;
  /** The rest: CONCURRENCY at a time. */
  rps: number;
  p95: number;
  p99: number;
  /** CPU time of the measured gateway process per request, ms (undefined when no gateway is in the path). */
  cpuMs?: number;
}

export async function benchGatewayProcesses(
  pg: RunningPostgres,
  kafka: KafkaEnv,
  databases: Record<ServiceName, string>,
  citizens: string[],
  results: BenchResults,
  repeats: number,
): Promise<string[]> {
  // The rate limits stay on (their cost is the gateway's) but far above what one benchmark subject sends.
  // As in production, the subgraphs take only requests with the gateway's assertion (GATEWAY_SECRET).
  const env = {
    STATISTICS_CACHE_SECONDS: '0',
    RATE_LIMIT_PER_SUBJECT: '10000000',
    RATE_LIMIT_PER_ADDRESS: '10000000',
    GATEWAY_SECRET: randomBytes(32).toString('base64url'),
  };
  const target = await startProcessTarget(pg, kafka, { ...env, ...profilingEnv() }, databases);
  const plain = await startPlainGateway(target.serviceUrl, env.GATEWAY_SECRET);
  try {
    const token = await issueToken(BENCH_AUTH, {
      subject: 'bench-case-file',
      agency: 'SOCIAL_PROTECTION',
      roles: ['SPECIALIST'],
      territory: '25',
    });
    const ids = citizens.slice(0, 200);
    const ask = graphqlClient(token);
    // The client that calls the subgraphs itself brings the assertion the gateway would (signed once per minute).
    const assert = gatewayAssertionSigner(env.GATEWAY_SECRET);
    const askSubgraph = (n: ServiceName) =>
      graphqlClient(token, async () => ({ [GATEWAY_ASSERTION_HEADER]: await assert(n, `Bearer ${token}`) }));
    const subgraphClients = SERVICE_NAMES.map((n) => [n, askSubgraph(n)] as const);
    const viaGateway = (url: string) => async (id: string) => {
      await ask(url, CASE_FILE, { id });
    };
    const direct = async (id: string) => {
      await Promise.all(subgraphClients.map(([n, ask]) => ask(target.serviceUrl(n), caseFile(SHARES[n]), { id })));
    };
    const kinds = {
      direct: { call: direct, pid: undefined },
      tuned: { call: viaGateway(target.gatewayUrl), pid: target.pid('gateway') },
      default: { call: viaGateway(plain.url), pid: plain.child.pid },
    };
    for (const k of Object.values(kinds)) await measure(ids, k.call, k.pid); // warm-up: plans, connections, JIT
    const last = {} as Record<keyof typeof kinds, Run>;
    const phasesBefore = await scrape(target.gatewayUrl);
    const entries = Object.entries(kinds) as [keyof typeof kinds, (typeof kinds)['direct']][];
    for (let i = 0; i < repeats; i++) {
      // Each run in another order, so no kind always follows the same one.
      for (const [key, k] of [...entries.slice(i % entries.length), ...entries.slice(0, i % entries.length)]) {
        const r = (last[key] = await measure(ids, k.call, k.pid));
        results.add(`gateway.case-file.${key}.rps`, 'req/s', 'higher', r.rps);
        results.add(`gateway.case-file.${key}.p50`, 'ms', 'lower', r.p50);
        results.add(`gateway.case-file.${key}.p95`, 'ms', 'lower', r.p95);
        if (r.cpuMs !== undefined) results.add(`gateway.case-file.${key}.cpu`, 'ms/req', 'lower', r.cpuMs);
      }
      results.add('gateway.case-file.tuned/direct.p50', '×', 'lower', last.tuned.p50 / last.direct.p50);
      results.add('gateway.case-file.tuned/default.rps', '×', 'higher', last.tuned.rps / last.default.rps);
    }
    const phases = phaseLine(phasesBefore, await scrape(target.gatewayUrl), repeats * (N_QUERIES + N_ALONE));
    const statements = await statementsForList(pg, databases, (q) => ask(target.gatewayUrl, q, {}));
    return [
      '',
      `3. the federated case file (citizen: profile and cases from ЦСПН, ЦЗН and КЦСОН): ${N_ALONE} requests one at a time (p50), then ${N_QUERIES} with ${CONCURRENCY} concurrent; services and gateways as separate processes`,
      row('three subgraphs directly, in parallel', last.direct),
      row('project gateway (tuned)', last.tuned),
      row('Apollo Gateway, default settings', last.default),
      phases,
      `   (the last of ${repeats} runs; over all: tuned p50 / direct p50 ${results.spread('gateway.case-file.tuned/direct.p50')} (goal ≤ 1.3); tuned / default throughput ${results.spread('gateway.case-file.tuned/default.rps')})`,
      ...statements,
    ];
  } finally {
    await stopChild(plain.child);
    await target.stop();
  }
}

const row = (name: string, r: Run) =>
  `   ${name.padEnd(48)} alone p50 ${f1(r.p50).padStart(5)} ms   ${CONCURRENCY} concurrent: ${f1(r.rps).padStart(6)} req/s, p95 ${f1(r.p95).padStart(6)} ms, p99 ${f1(r.p99).padStart(6)} ms${r.cpuMs === undefined ? '' : `   gateway CPU ${f1(r.cpuMs)} ms/request`}`;

/** Where the project gateway's time per request went (graphql_phase_duration_seconds, wall time, over all runs). */
function phaseLine(before: Sample[], after: Sample[], requests: number): string {
  const ms = (phase: string) => {
    const sum = (s: Sample[]) => metric(s, 'graphql_phase_duration_seconds_sum', { phase }) ?? 0;
    return ((sum(after) - sum(before)) * 1000) / requests;
  };
  const parts = ['parse', 'validate', 'plan', 'fetch'].map((p) => `${p} ${ms(p).toFixed(2)}`);
  return `   project gateway, wall time per request by phase (ms; parse and validate skipped on a cached document, plan a query plan cache hit, fetch the subgraph requests and the merge): ${parts.join(', ')}`;
}

async function measure(ids: string[], call: (id: string) => Promise<void>, pid?: number): Promise<Run> {
  const alone: number[] = [];
  for (let i = 0; i < N_ALONE; i++) {
    const t = performance.now();
    await call(ids[i % ids.length]!);
    alone.push(performance.now() - t);
  }
  const times: number[] = [];
  const items = Array.from({ length: N_QUERIES }, (_, i) => ids[i % ids.length]!);
  const cpu0 = cpuMsOf(pid);
  const start = performance.now();
  await pool(items, CONCURRENCY, async (id) => {
    const t = performance.now();
    await call(id);
    times.push(performance.now() - t);
  });
  const rps = N_QUERIES / ((performance.now() - start) / 1000);
  const cpuMs = pid === undefined ? undefined : (cpuMsOf(pid)! - cpu0!) / N_QUERIES;
  return { p50: pct(alone, 50), rps, p95: pct(times, 95), p99: pct(times, 99), cpuMs };
}

/** Apollo Gateway with default settings as its own process, pointed at the services' processes. */
async function startPlainGateway(serviceUrl: (n: ServiceName) => string, gatewaySecret: string) {
  const port = await freePort();
  const child = spawn(process.execPath, [...NODE_FLAGS, join(__dirname, 'plain-gateway.ts')], {
    env: {
      ...process.env,
      ...profilingEnv(),
      PLAIN_GATEWAY_PORT: String(port),
      GATEWAY_SECRET: gatewaySecret,
      SOCIAL_PROTECTION_URL: serviceUrl('social-protection'),
      EMPLOYMENT_URL: serviceUrl('employment'),
      SOCIAL_SERVICE_URL: serviceUrl('social-service'),
    },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}/`;
  for (const until = Date.now() + 60_000; Date.now() < until; await sleep(200)) {
    const ok = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ __typename }"}',
    }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { child, url };
  }
  child.kill('SIGKILL');
  throw new Error('the default Apollo Gateway did not start within 60 s');
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}

/**
 * Item 4: the statements each subgraph runs for one request of 50 citizens
 * (ЦСПН's list, each citizen's ЦЗН and КЦСОН fields through `_entities`),
 * counted by pg_stat_statements over the request, the services' background
 * polling left out. The goal: one statement per entity type per subgraph.
 */
async function statementsForList(
  pg: RunningPostgres,
  databases: Record<ServiceName, string>,
  request: (query: string) => Promise<unknown>,
): Promise<string[]> {
  const c = new Client({ connectionString: pg.url('postgres') });
  await c.connect();
  try {
    await c.query('create extension if not exists pg_stat_statements');
    await request(LIST_OF_50); // plans and prepared statements in place
    // Three windows of one request each; a statement counts as the request's by its fewest calls in any
    // window, so a periodic job (audit-chain sealing, relay polls) that ran in one window is left out.
    const dbs = SERVICE_NAMES.map((n) => new URL(databases[n]).pathname.slice(1));
    let fewest: Map<string, number> | undefined;
    for (let w = 0; w < 3; w++) {
      await c.query('select pg_stat_statements_reset()');
      await request(LIST_OF_50);
      const { rows } = await c.query<{ datname: string; calls: string; query: string }>(
        `select d.datname, s.calls, s.query from pg_stat_statements s join pg_database d on d.oid = s.dbid
          where d.datname = any($1)`,
        [dbs],
      );
      const now = new Map(
        rows.filter((r) => !BACKGROUND.test(r.query)).map((r) => [`${r.datname}\n${r.query}`, Number(r.calls)]),
      );
      fewest = fewest
        ? new Map([...fewest].map(([k, n]) => [k, Math.min(n, now.get(k) ?? 0)] as const).filter(([, n]) => n > 0))
        : now;
    }
    const out = [
      '   SQL statements for one list of 50 citizens through the gateway (ЦСПН list, ЦЗН and КЦСОН via _entities):',
    ];
    for (const [i, n] of SERVICE_NAMES.entries()) {
      const mine = [...fewest!].filter(([k]) => k.startsWith(`${dbs[i]}\n`));
      out.push(`      ${n}: ${mine.reduce((s, [, calls]) => s + calls, 0)} statements`);
      for (const [k, calls] of mine)
        out.push(
          `         ${String(calls).padStart(3)} × ${k.split('\n').slice(1).join(' ').replace(/\s+/g, ' ').slice(0, 110)}`,
        );
    }
    return out;
  } finally {
    await c.end();
  }
}
