/**
 * npm run bench, part 5 — ministry statistics over a synthetic region (issue
 * 11): BENCH_STAT_CONTRACTS (1,000,000) social contracts over 3 years and
 * 40 districts, as many applications, and BENCH_STAT_RECORDS (3,000,000)
 * ЦЗН and КЦСОН service records, loaded in bulk and counted by the same
 * recount a migration runs; then side by side: the ministry's dashboard
 * through the gateway (every indicator, 12 months × every district), the
 * same figures by a plain GROUP BY over the source tables, the write path
 * with and without the counters' triggers, and memory.
 */
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { issueToken, type AuthConfig } from '@sc/auth';
import { groupBySourcesInlineSql, recountSql } from '@sc/subgraph-kit';
import { SOCIAL_PROTECTION_STAT_SOURCES } from '@sc/social-protection';
import { EMPLOYMENT_STAT_SOURCES } from '@sc/employment';
import { SOCIAL_SERVICE_STAT_SOURCES } from '@sc/social-service';
import { SUPERGRAPH_PATH } from '@sc/gateway';
import { TEST_NEEDS, validSnils } from '@sc/testing';
import type { BenchTarget } from './bench-processes';
import type { BenchResults } from './bench-results';
import { pct, f1 } from './bench-common';
import { sleep } from '@sc/kernel';

const N_CONTRACTS = Number(process.env.BENCH_STAT_CONTRACTS ?? 1_000_000);
const N_RECORDS = Number(process.env.BENCH_STAT_RECORDS ?? 3_000_000);
const N_DASHBOARDS = Number(process.env.BENCH_STAT_QUERIES ?? 60);
const N_WRITES = Number(process.env.BENCH_STAT_WRITES ?? 400);
const DISTRICTS = 40;
const TERRITORY = `'25' || lpad((601 + g % ${DISTRICTS})::text, 3, '0') || '000'`;
/** A moment in the three years 2024–2026, spread evenly. */
const MOMENT = `timestamptz '2024-01-01 03:00+00' + (g % 1096) * interval '1 day'`;

type Db = 'social-protection' | 'employment' | 'social-service';

async function sql(url: string, statements: string[], params: unknown[][] = []): Promise<void> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    for (const [i, s] of statements.entries()) await c.query(s, params[i] ?? []);
  } finally {
    await c.end();
  }
}

/** Bulk rows without triggers or foreign keys (replica mode), as a data migration would load them. */
const BULK = 'set session_replication_role = replica';

const SP_ROWS = [
  BULK,
  `insert into sc_application (id, citizen_id, status, channel, needs, submitted_at, territory, decision_due_date,
      extra_check_due_date, decided_at, means_test, home_survey, region, zone)
    select gen_random_uuid(), gen_random_uuid(),
           (array['CONTRACTED','CONTRACTED','REJECTED','WITHDRAWN','REGISTERED'])[1 + g % 5],
           (array['IN_PERSON','EPGU','MFC','REFERRAL_FROM_EMPLOYMENT','REFERRAL_FROM_SOCIAL_SERVICE'])[1 + g % 7 % 5],
           '{}', ${MOMENT}, ${TERRITORY}, (${MOMENT})::date + 10,
           case when g % 9 = 0 then (${MOMENT})::date + 30 end, ${MOMENT} + (g % 14) * interval '1 day',
           jsonb_build_object('eligible', g % 5 <> 2), case when g % 5 <> 2 then '{}'::jsonb end, '25', 'WHOLE_REGION'
      from generate_series(1, $1) g`,
  `insert into social_contract (id, number, citizen_id, application_id, programme_id, direction, status, region, zone,
      signed_on, start_date, end_date, original_end_date, term_months, activities, payments, pm_year,
      pm_working_age_kopecks, per_capita_income_before_kopecks, amendments, termination, repayment, evaluation,
      concluded_at, status_changed_at, territory)
    select gen_random_uuid(), 'Б-' || g, gen_random_uuid(), gen_random_uuid(), gen_random_uuid(),
           (array['JOB_SEARCH','BUSINESS','SUBSIDIARY_FARM','HARDSHIP'])[1 + g % 4],
           case when g % 10 = 0 then 'TERMINATED_EARLY' else 'ACTIVE' end, '25', 'WHOLE_REGION',
           (${MOMENT})::date, (${MOMENT})::date, (${MOMENT})::date + 270, (${MOMENT})::date + 270, 9, '[]',
           jsonb_build_array(
             jsonb_build_object('no', 1, 'kind', 'MONTHLY', 'status', 'PAID', 'amountKopecks', 1700000,
                                'paidOn', ((${MOMENT})::date + 5)::text),
             jsonb_build_object('no', 2, 'kind', 'MONTHLY', 'status', case when g % 3 = 0 then 'PAID' else 'SCHEDULED' end,
                                'amountKopecks', 1700000, 'paidOn', case when g % 3 = 0 then ((${MOMENT})::date + 35)::text end)),
           2026, 1900000, 1200000 + g % 500000, '[]',
           case when g % 10 = 0 then jsonb_build_object('ground', (array['PSA_NOT_FULFILLED','MISUSE_OF_FUNDS','OWN_REQUEST'])[1 + g % 3],
                                                        'on', ((${MOMENT})::date + 60)::text) end,
           case when g % 30 = 0 then jsonb_build_object('amountKopecks', 1700000, 'dueDate', ((${MOMENT})::date + 150)::text) end,
           case when g % 5 = 1 then jsonb_build_object('effective', g % 2 = 1, 'decidedOn', ((${MOMENT})::date + 300)::text,
                                  'perCapitaIncomeBeforeKopecks', 1200000, 'perCapitaIncomeAfterKopecks', 1500000 + g % 300000) end,
           ${MOMENT}, ${MOMENT}, ${TERRITORY}
      from generate_series(1, $1) g`,
  `insert into commission_meeting (id, region, meeting_date, status, members, agenda, decisions, attended, scheduled_by, territory)
    select gen_random_uuid(), '25', (${MOMENT})::date, 'HELD', '[]', '[]',
           jsonb_build_array(jsonb_build_object('decision', 'APPROVE', 'decidedAt', (${MOMENT})::text)), '[]', 'bench', ${TERRITORY}
      from generate_series(1, $1 / 100) g`,
];

const EMP_ROWS = [
  BULK,
  `insert into job_seeker_registration (id, citizen_id, status, channel, needs, education, experience_years,
      registered_on, registered_by, offers, territory, next_profiling_due, employment, category)
    select gen_random_uuid(), gen_random_uuid(), (array['JOB_SEEKER','UNEMPLOYED','EMPLOYED'])[1 + g % 3],
           (array['WALK_IN','WORK_IN_RUSSIA','EPGU','REFERRAL_FROM_SOCIAL_PROTECTION'])[1 + g % 4], '{}',
           'SECONDARY_GENERAL', 3, (${MOMENT})::date, 'bench', '[]', ${TERRITORY}, (${MOMENT})::date + 45,
           case when g % 3 = 2 then jsonb_build_object('contractDate', ((${MOMENT})::date + 40)::text) end,
           case when g % 4 = 3 then 'LOW_INCOME_WITH_SOCIAL_CONTRACT' end
      from generate_series(1, $1) g`,
];

const SS_ROWS = [
  BULK,
  `insert into urgent_service_case (id, citizen_id, anonymous, channel, circumstances, status, requested_at,
      deliveries, created_by, territory, unsigned_reason)
    select gen_random_uuid(), gen_random_uuid(), false,
           (array['WRITTEN_APPLICATION','PHONE_CALL','ORGANISATION_NOTICE','SOCIAL_PROTECTION_REQUEST'])[1 + g % 4],
           'bench', (array['PROVIDED','ACT_SIGNED','CLOSED'])[1 + g % 3], ${MOMENT},
           jsonb_build_array(jsonb_build_object('serviceCode', 'FOOD_SET_' || (g % 6), 'deliveredOn', ((${MOMENT})::date)::text)),
           'bench', ${TERRITORY}, case when g % 11 = 0 then 'по телефону' end
      from generate_series(1, $1) g`,
];

const DASHBOARD_TOTALS = (fields: Record<string, string[]>) => `query($t: String!, $from: String!, $to: String!) {
  statistics(territory: $t, from: $from, to: $to, by: [MONTH, TERRITORY]) { territory period
    ${Object.entries(fields)
      .map(([agency, fs]) => `${agency} { ${fs.map((f) => `${f} { total { count suppressed } }`).join(' ')} }`)
      .join(' ')} } }`;

const SOURCES: Record<Db, Record<string, string[]>> = {
  'social-protection': SOCIAL_PROTECTION_STAT_SOURCES,
  employment: EMPLOYMENT_STAT_SOURCES,
  'social-service': SOCIAL_SERVICE_STAT_SOURCES,
};
const DBS = Object.keys(SOURCES) as Db[];
const seconds = (since: number) => f1((performance.now() - since) / 1000);

export async function benchStatistics(
  target: BenchTarget,
  auth: AuthConfig,
  results?: BenchResults,
): Promise<string[]> {
  const db = (n: Db) => target.databaseUrl(n);
  const out = [
    '',
    `5. ministry statistics: ${N_CONTRACTS.toLocaleString('en')} contracts and as many applications (ЦСПН), ${N_RECORDS.toLocaleString('en')} ЦЗН + КЦСОН records, 3 years × ${DISTRICTS} districts; ${target.label}`,
    ...(await generateRegion(db)),
  ];
  const dashboards = await measureDashboards(target, auth, results);
  out.push(
    ...dashboards.lines,
    ...(await plainGroupBy(db, dashboards.p50, results)),
    ...(await writePath(target, auth, results)),
  );
  out.push(...(await sizes(db, target)));
  return out;
}

/** The synthetic region in bulk, then every counter recounted as a migration's backfill does. */
async function generateRegion(db: (n: Db) => string): Promise<string[]> {
  let t = performance.now();
  await Promise.all([
    sql(db('social-protection'), SP_ROWS, [[], [N_CONTRACTS], [N_CONTRACTS], [N_CONTRACTS]]),
    sql(db('employment'), EMP_ROWS, [[], [Math.floor(N_RECORDS / 2)]]),
    sql(db('social-service'), SS_ROWS, [[], [Math.ceil(N_RECORDS / 2)]]),
  ]);
  const load = seconds(t);
  // The districts of the synthetic region, in every service's directory.
  const directory = `insert into territory (code, name, parent, kind, valid_from, edition)
    select '25' || lpad((601 + g)::text, 3, '0') || '000', 'Район ' || g, '25600000', 'MUNICIPAL_DISTRICT', '2014-01-01', 'bench'
      from generate_series(0, ${DISTRICTS - 1}) g on conflict (code) do nothing`;
  t = performance.now();
  await Promise.all(DBS.map((n) => sql(db(n), [directory, ...recountSql(Object.keys(SOURCES[n])), 'analyze'])));
  return [
    `   bulk load (generate_series, triggers off)                                  ${load} s`,
    `   recount of every counter from the source tables (a migration's backfill)   ${seconds(t)} s`,
  ];
}

/** The ministry's dashboard through the gateway, typed and compact, and ЦСПН's share asked of its subgraph. */
async function measureDashboards(
  target: BenchTarget,
  auth: AuthConfig,
  results?: BenchResults,
): Promise<{ lines: string[]; p50: number }> {
  const analyst = await issueToken(auth, {
    subject: 'bench-analyst',
    agency: 'MINISTRY',
    roles: ['ANALYST'],
    territory: '25',
  });
  const fields = {
    socialProtection: indicatorFields('SocialProtectionStatistics'),
    employment: indicatorFields('EmploymentStatistics'),
    socialService: indicatorFields('SocialServiceStatistics'),
  };
  const d = dashboardClient(analyst);
  const dashboard = async (url: string, query: string) => (await d.ask(url, query)).ms;
  const timed = async (url: string, query: string, n: number) => {
    for (let i = 0; i < 3; i++) await dashboard(url, query); // warm-up
    const times: number[] = [];
    for (let i = 0; i < n; i++) times.push(await dashboard(url, query));
    return times;
  };
  d.lastBytes.length = 0;
  const typed = await timed(target.gatewayUrl, DASHBOARD_TOTALS(fields), N_DASHBOARDS);
  const typedLastByte = d.lastBytes.slice(3);
  const cold = await misses(target, () => d.ask(target.gatewayUrl, DASHBOARD_TOTALS(fields)));
  // The same dashboard in the compact form (one `all` record per agency and cell).
  const compact = await timed(
    target.gatewayUrl,
    `query($t: String!, $from: String!, $to: String!) {
      statistics(territory: $t, from: $from, to: $to, by: [MONTH, TERRITORY]) { territory period
        socialProtection { all } employment { all } socialService { all } } }`,
    N_DASHBOARDS,
  );
  // Where the time goes: ЦСПН's share of the same query, asked of its subgraph directly.
  const spUrl = target.serviceUrl('social-protection');
  const direct = await timed(spUrl, DASHBOARD_TOTALS({ socialProtection: fields.socialProtection }), 30);
  const nIndicators = Object.values(fields).flat().length;
  for (const [key, t] of [
    ['typed', typed],
    ['typed-last-byte', typedLastByte],
    ['compact', compact],
    ['sp-direct', direct],
    ['typed-miss', cold],
  ] as const) {
    if (!t.length) continue;
    results?.add(`statistics.dashboard.${key}.p50`, 'ms', 'lower', pct(t, 50));
    results?.add(`statistics.dashboard.${key}.p95`, 'ms', 'lower', pct(t, 95));
  }
  const figures = (t: number[]) => `p50 ${f1(pct(t, 50)).padStart(7)} ms   p95 ${f1(pct(t, 95)).padStart(7)} ms`;
  return {
    p50: pct(typed, 50),
    lines: [
      `   dashboard through the gateway: ${nIndicators} indicators × ${d.rows} rows (12 months × region and ${DISTRICTS} districts), suppressed for the ministry, typed fields (total of each)`,
      `      ${figures(typed)}   (goal p95 ≤ 50 ms; the client's JSON.parse of the ~1 MB answer included)${target.statisticsCacheSeconds > 0 ? `; the gateway keeps an answer ${target.statisticsCacheSeconds} s per caller scope, then serves it up to ${target.statisticsStaleSeconds} s old while computing the next` : ''}`,
      `      to the answer's last byte (what the gateway takes; the parse left out): ${figures(typedLastByte)}`,
      ...(cold.length
        ? [
            `      a request after the gateway's answer is too old to serve (a miss; ${cold.length} requests): ${figures(cold)}`,
          ]
        : []),
      `   the same dashboard, each agency's indicators as one \`all\` record per cell (every non-zero key, not only totals)`,
      `      ${figures(compact)}   (goal p95 ≤ 50 ms)`,
      `   ЦСПН's ${fields.socialProtection.length} indicators of it, the subgraph called directly: ${figures(direct)}`,
    ],
  };
}

/** The analyst's dashboard requests: each one's time with the parse, to the last byte, and whether it was served stored. */
function dashboardClient(token: string) {
  const variables = { t: '25', from: '2026-01', to: '2026-12' };
  const c = { rows: 0, lastBytes: [] as number[], ask };
  async function ask(url: string, query: string) {
    const s = performance.now();
    const r = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-purpose': 'benchmark' },
      body: JSON.stringify({ query, variables }),
    });
    const text = await r.text();
    c.lastBytes.push(performance.now() - s);
    const body = JSON.parse(text) as { errors?: unknown; data?: { statistics: unknown[] } };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    c.rows = body.data!.statistics.length;
    return { ms: performance.now() - s, stored: r.headers.get('age') !== null };
  }
  return c;
}

/**
 * The dashboard each time the gateway's answer is too old to serve
 * (STATISTICS_STALE_SECONDS): only answers without an `age` header count —
 * a refresh that finished after the last request keeps a younger answer.
 */
async function misses(
  target: BenchTarget,
  dashboard: () => Promise<{ ms: number; stored: boolean }>,
): Promise<number[]> {
  const cold: number[] = [];
  const staleMs = Math.max(target.statisticsCacheSeconds, target.statisticsStaleSeconds) * 1000;
  if (target.statisticsCacheSeconds > 0)
    for (let i = 0; i < 30 && cold.length < 15; i++) {
      await sleep(staleMs + 1500);
      const r = await dashboard();
      if (!r.stored) cold.push(r.ms);
    }
  return cold;
}

/** The same figures by a plain GROUP BY over the source tables of the three services, in parallel. */
async function plainGroupBy(db: (n: Db) => string, dashboardP50: number, results?: BenchResults): Promise<string[]> {
  const plain: number[] = [];
  for (let i = 0; i < 3; i++) {
    const s = performance.now();
    await Promise.all(DBS.map((n) => sql(db(n), [groupBySourcesInlineSql(SOURCES[n])], [['0000-00', '2026-12']])));
    plain.push(performance.now() - s);
  }
  results?.add('statistics.plain-group-by.p50', 'ms', 'lower', pct(plain, 50));
  return [
    `   the same by plain GROUP BY over the source tables (3 services in parallel, no suppression)`,
    `      p50 ${f1(pct(plain, 50)).padStart(7)} ms   (×${(pct(plain, 50) / dashboardP50).toFixed(0)} the dashboard's p50)`,
  ];
}

async function sizes(db: (n: Db) => string, target: BenchTarget): Promise<string[]> {
  const each = await Promise.all(
    DBS.map(async (n) => {
      const c = new Client({ connectionString: db(n) });
      await c.connect();
      const r = await c.query(
        `select pg_size_pretty(pg_database_size(current_database())) as db, pg_size_pretty(pg_total_relation_size('stat_counter')) as counters, (select count(*) from stat_counter)::int as rows`,
      );
      await c.end();
      return `${n} ${r.rows[0].db} (counters ${r.rows[0].counters}, ${r.rows[0].rows.toLocaleString('en')} rows)`;
    }),
  );
  return [`   memory: ${target.memory()}`, `   databases: ${each.join('; ')}`];
}

/** The write path with and without the counters: submitScApplication through the gateway, triggers on and off in alternating blocks. */
async function writePath(target: BenchTarget, auth: AuthConfig, results?: BenchResults): Promise<string[]> {
  const url = target.databaseUrl('social-protection');
  const token = await issueToken(auth, {
    subject: 'bench-sp',
    agency: 'SOCIAL_PROTECTION',
    roles: ['SPECIALIST'],
    territory: '25701000',
  });
  const SUBMIT = `mutation($i: SubmitScApplicationInput!) { submitScApplication(input: $i) { id } }`;
  let seed = 800_000;
  const submit = async () => {
    const n = seed++;
    const s = performance.now();
    const r = await fetch(target.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-purpose': 'benchmark' },
      body: JSON.stringify({
        query: SUBMIT,
        variables: {
          i: {
            citizen: { snils: validSnils(n), lastName: 'Нагрузочная', firstName: 'Анна', birthDate: '1990-01-01' },
            zone: 'WHOLE_REGION',
            needs: TEST_NEEDS,
            household: [{ relation: 'APPLICANT', fullName: 'Нагрузочная Анна', birthDate: '1990-01-01', incomes: [] }],
          },
        },
      }),
    });
    const body = (await r.json()) as { errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return performance.now() - s;
  };
  const on: number[] = [];
  const off: number[] = [];
  for (let i = 0; i < 20; i++) await submit(); // warm-up
  for (let block = 0; block < Math.max(2, Math.round(N_WRITES / 25)); block++) {
    const withTriggers = block % 2 === 0;
    await sql(url, [`alter table sc_application ${withTriggers ? 'enable' : 'disable'} trigger stat_sc_application`]);
    for (let i = 0; i < 25; i++) (withTriggers ? on : off).push(await submit());
  }
  await sql(url, ['alter table sc_application enable trigger stat_sc_application']);
  results?.add('statistics.write.with-counters.p50', 'ms', 'lower', pct(on, 50));
  results?.add('statistics.write.without.p50', 'ms', 'lower', pct(off, 50));
  return [
    `   write path, submitScApplication through the gateway, ${on.length} with and ${off.length} without, alternating blocks of 25:`,
    `      with counters    p50 ${f1(pct(on, 50)).padStart(6)} ms   p95 ${f1(pct(on, 95)).padStart(6)} ms`,
    `      without          p50 ${f1(pct(off, 50)).padStart(6)} ms   p95 ${f1(pct(off, 95)).padStart(6)} ms   (with / without p50 ×${(pct(on, 50) / pct(off, 50)).toFixed(2)})`,
  ];
}

/** The indicator fields of an agency's statistics type, read from the running gateway's supergraph. */
function indicatorFields(type: string): string[] {
  const sdl = readFileSync(SUPERGRAPH_PATH, 'utf8');
  const start = sdl.indexOf(`type ${type}`);
  const body = sdl.slice(sdl.indexOf('{', start) + 1, sdl.indexOf('\n}', start));
  return [...body.matchAll(/^\s+([a-zA-Z]+): StatIndicator!/gm)].map((m) => m[1]!);
}
