/**
 * npm run bench, part 4 — worklists and search over a generated region
 * (issue 12): BENCH_CASES (100,000) cases per subgraph over 40 districts,
 * then through the gateway, side by side: a filtered list page for a
 * district, the same for the whole region, a name search, and the case-file
 * page of 50 citizens with the SQL it costs per subgraph (no N+1).
 */
import { Client } from 'pg';
import { issueToken, type AuthConfig } from '@sc/auth';
import type { Agency, Role } from '@sc/kernel';
import type { Stack } from './stack';
import { pct } from './bench-common';

const N_CASES = Number(process.env.BENCH_CASES ?? 100_000);
const N_REQUESTS = Number(process.env.BENCH_LIST_REQUESTS ?? 400);
/** Latency goals are per request: one client at a time by default (the whole system shares one Node process here). */
const CLIENTS = Number(process.env.BENCH_LIST_CLIENTS ?? 1);
const DISTRICTS = 40;
const SURNAMES = ['Иванов', 'Петров', 'Сидоров', 'Смирнов', 'Кузнецов', 'Попов', 'Васильев', 'Соколов', 'Михайлов'];
const NAMES = ['Мария', 'Анна', 'Ольга', 'Елена', 'Ирина', 'Пётр', 'Иван', 'Алексей', 'Сергей', 'Дмитрий', 'Алёна'];
const district = (i: number) => `25${String(601 + (i % DISTRICTS)).padStart(3, '0')}000`;

/** Citizens with names and birth dates, spread over the districts (one SQL statement). */
const CITIZENS = `insert into citizen (id, last_name, first_name, middle_name, birth_date, territory)
  select gen_random_uuid(), (array[${SURNAMES.map((s) => `'${s}а'`).join(',')}])[1 + g % ${SURNAMES.length}],
         (array[${NAMES.map((s) => `'${s}'`).join(',')}])[1 + (g / 9) % ${NAMES.length}], 'Тестовна',
         date '1960-01-01' + (g % 15000), '25' || lpad((601 + g % ${DISTRICTS})::text, 3, '0') || '000'
    from generate_series(1, $1) g`;

async function fill(url: string, cases: string): Promise<void> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(CITIZENS, [N_CASES]);
    await c.query(cases);
    await c.query('analyze');
  } finally {
    await c.end();
  }
}

/** The part of knex (under MikroORM) that reports each SQL statement. */
interface QueryEvents {
  on(event: 'query', f: (q: { sql: string }) => void): void;
  off(event: 'query', f: (q: { sql: string }) => void): void;
}

type ServiceDb = (n: 'social-service' | 'social-protection' | 'employment') => string;

/** The synthetic region: citizens with urgent cases at КЦСОН and applications at ЦСПН, over the districts. */
async function generateRegion(db: ServiceDb): Promise<void> {
  await fill(
    db('employment'),
    `insert into job_seeker_registration (id, citizen_id, status, channel, needs, education, experience_years,
        registered_on, registered_by, offers, assigned_to, territory)
      select gen_random_uuid(), id, (array['JOB_SEEKER','UNEMPLOYED','DEREGISTERED'])[1 + floor(random() * 3)::int],
             'WALK_IN', '{}', 'SECONDARY_GENERAL', 3, current_date - floor(random() * 900)::int, 'bench', '[]', 'bench', territory
        from citizen`,
  );
  await fill(
    db('social-service'),
    `insert into urgent_service_case (id, citizen_id, anonymous, channel, circumstances, status, requested_at,
        deliveries, created_by, assigned_to, territory)
      select gen_random_uuid(), id, false, 'WRITTEN_APPLICATION', 'bench', 'NEED_DECIDED',
             now() - (random() * interval '900 days'), '[]', 'bench', 'bench', territory
        from citizen`,
  );
  await fill(
    db('social-protection'),
    `insert into sc_application (id, citizen_id, status, channel, needs, submitted_at, territory)
      select gen_random_uuid(), id, (array['REGISTERED','REJECTED','CONTRACTED'])[1 + floor(random() * 3)::int],
             'IN_PERSON', '{}', now() - (random() * interval '900 days'), territory
        from citizen`,
  );
}

/** Requests through the gateway: one, or a timed run of BENCH_LIST_REQUESTS by BENCH_LIST_CLIENTS clients. */
function gatewayTimer(gatewayUrl: string) {
  const once = async (tk: string, query: string, variables: Record<string, unknown>) => {
    const r = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tk}`, 'x-purpose': 'benchmark' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await r.json()) as { errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
  };
  const run = async (tk: string, query: string, vars: () => Record<string, unknown>) => {
    const times: number[] = [];
    const call = async () => {
      const t = performance.now();
      await once(tk, query, vars());
      times.push(performance.now() - t);
    };
    for (let i = 0; i < 20; i++) await call(); // warm-up: plans, connections
    times.length = 0;
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        for (let i = 0; i < N_REQUESTS / CLIENTS; i++) await call();
      }),
    );
    return times;
  };
  return { once, run };
}

export async function benchWorklists(stack: Stack, auth: AuthConfig): Promise<string[]> {
  const db: ServiceDb = (n) => stack.services[n].deps.config.databaseUrl;
  await generateRegion(db);
  const token = (agency: Agency, role: Role, territory: string) =>
    issueToken(auth, { subject: `bench-${agency}`, agency, roles: [role], territory });
  const { once, run } = gatewayTimer(stack.gatewayUrl);
  const ssDistrict = await token('SOCIAL_SERVICE', 'SPECIALIST', district(3));
  const ssRegion = await token('SOCIAL_SERVICE', 'HEAD', '25000000');
  const spDistrict = await token('SOCIAL_PROTECTION', 'SPECIALIST', district(5));
  const URGENT = `query($f: UrgentServiceCaseFilter) { urgentServiceCases(filter: $f, first: 50) {
    totalCount pageInfo { endCursor } edges { node { id status requestedAt } } } }`;
  const empDistrict = await token('EMPLOYMENT', 'SPECIALIST', district(7));
  const REGS = `query { jobSeekerRegistrations(filter: { status: [UNEMPLOYED] }, first: 50) { totalCount edges { node { id status } } } }`;
  const APPS = `query { scApplications(filter: { status: [REGISTERED] }, first: 50) { totalCount edges { node { id status } } } }`;
  const SEARCH = `query($t: String!) { socialServiceCitizenSearch(text: $t, first: 20) { score profile { lastName } } }`;
  const FILE = `query { urgentServiceCases(first: 50) { edges { node { citizen {
    socialServiceProfile { lastName } socialProtectionProfile { lastName } } } } } }`;
  const any = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)]!;
  const rows: [string, number[]][] = [
    [
      'КЦСОН urgent cases, one district (≈2,500), page of 50',
      await run(ssDistrict, URGENT, () => ({ f: { status: ['NEED_DECIDED'] } })),
    ],
    [
      'КЦСОН urgent cases, whole region (100,000), page of 50',
      await run(ssRegion, URGENT, () => ({ f: { status: ['NEED_DECIDED'] } })),
    ],
    ['ЦСПН applications, one district, status filter, page', await run(spDistrict, APPS, () => ({}))],
    ['ЦЗН registrations, one district, status filter, page', await run(empDistrict, REGS, () => ({}))],
    [
      'КЦСОН name search (surname + name, typo-tolerant)',
      await run(ssDistrict, SEARCH, () => ({ t: `${any(SURNAMES)}а ${any(NAMES)}` })),
    ],
  ];
  const out = [
    '',
    `4. worklists and search through the gateway: ${N_CASES.toLocaleString('en')} cases per subgraph over ${DISTRICTS} districts, ${N_REQUESTS} requests, ${CLIENTS} at a time (goals: list p95 ≤ 30 ms, search p95 ≤ 50 ms)`,
  ];
  for (const [name, t] of rows)
    out.push(
      `   ${name.padEnd(56)} p50 ${pct(t, 50).toFixed(1).padStart(6)} ms   p95 ${pct(t, 95).toFixed(1).padStart(6)} ms`,
    );
  // N+1: SQL statements that read the citizen table per case-file page, per subgraph (MikroORM's knex events).
  const statements = { ss: 0, sp: 0 };
  const count = (key: 'ss' | 'sp') => (q: { sql: string }) => {
    if (/from "citizen"/.test(q.sql)) statements[key]++;
  };
  const knexOf = (n: 'social-service' | 'social-protection') =>
    (stack.services[n].deps.orm.em.getConnection() as unknown as { getKnex(): QueryEvents }).getKnex();
  const listeners = { ss: count('ss'), sp: count('sp') };
  knexOf('social-service').on('query', listeners.ss);
  knexOf('social-protection').on('query', listeners.sp);
  const pages = 20;
  for (let i = 0; i < pages; i++) await once(ssDistrict, FILE, {});
  knexOf('social-service').off('query', listeners.ss);
  knexOf('social-protection').off('query', listeners.sp);
  out.push(
    `   case-file page of 50 citizens: SQL statements reading citizens per request: КЦСОН ${(statements.ss / pages).toFixed(1)}, ЦСПН ${(statements.sp / pages).toFixed(1)} (1 = batched, 50 = N+1)`,
  );
  return out;
}
