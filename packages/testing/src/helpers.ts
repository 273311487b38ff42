import { randomBytes } from 'node:crypto';
import { query } from './sql';
import { authConfigFrom, issueToken } from '@sc/auth';
import { type Agency, type Role, sleep } from '@sc/kernel';
import { createLogger } from '@sc/runtime';
import { ensureDatabase } from '@sc/local-infra';
import { KafkaBus } from '@sc/messaging';
import { AUDIT_COLUMNS, DEV_CITIZEN_ID_SECRET, localKafkaEnv, type ServiceConfig } from '@sc/subgraph-kit';

/** Servers started once per run by global-setup.ts; a missing one is a failure, never a skip. */
export function testInfra(): { pgAdminUrl: string; kafkaBrokers: string[]; kafkaMock: boolean } {
  const pgAdminUrl = process.env.TEST_PG_ADMIN_URL;
  const brokers = process.env.TEST_KAFKA_BROKERS;
  if (!pgAdminUrl || !brokers)
    throw new Error(
      'integration tests must run through jest globalSetup (TEST_PG_ADMIN_URL / TEST_KAFKA_BROKERS missing)',
    );
  return { pgAdminUrl, kafkaBrokers: brokers.split(','), kafkaMock: process.env.TEST_KAFKA_MOCK === 'true' };
}

export const uniqueSuffix = (): string => randomBytes(4).toString('hex');

/** A fresh database on the run's cluster. */
export async function createTestDatabase(prefix: string): Promise<string> {
  const { pgAdminUrl } = testInfra();
  const name = `${prefix.replace(/-/g, '_')}_${uniqueSuffix()}`;
  await ensureDatabase(pgAdminUrl, name);
  const u = new URL(pgAdminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

export const testAuth = authConfigFrom({ JWT_ISSUER: 'sc-dev-idp', JWT_AUDIENCE: 'social-contract-federation' });

export function testServiceConfig(name: string, databaseUrl: string, topicPrefix: string): ServiceConfig {
  return {
    name,
    port: 0,
    databaseUrl,
    dbPoolMax: 5,
    auth: testAuth,
    citizenIdSecret: DEV_CITIZEN_ID_SECRET,
    topicPrefix,
    region: '25',
    timeZone: 'Asia/Irkutsk',
    outbox: { batchSize: 500, idlePollMs: 200, retentionHours: 24 },
    consumer: { maxAttempts: 3, batchSize: 100 },
    logLevel: process.env.LOG_LEVEL ?? 'silent',
    schedulerPollSeconds: 0.5,
  };
}

/** The territory of test users unless a test names another: город Иркутск, a city okrug of region 25. */
export const TEST_TERRITORY = '25701000';

export const tokenFor = (
  agency: Agency,
  roles: Role[] = ['SPECIALIST'],
  subject = `${agency.toLowerCase()}-tester`,
  territory = TEST_TERRITORY,
): Promise<string> => issueToken(testAuth, { subject, agency, roles, territory });

/** A Kafka client tuned for the mock broker (DESIGN.md §5). */
export function testKafkaBus(clientId: string): KafkaBus {
  const { kafkaBrokers, kafkaMock } = testInfra();
  return new KafkaBus({
    ...localKafkaEnv(kafkaBrokers, { mock: kafkaMock }),
    clientId,
    logger: createLogger(clientId, process.env.LOG_LEVEL ?? 'silent'),
  });
}

export interface GqlResponse<T = any> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, any>; path?: unknown[] }>;
}

/** The purpose the test clients state for their reads. */
export const TEST_PURPOSE = 'automated test of the case file';

export async function gql<T = any>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<GqlResponse<T>> {
  const res = await fetch(url, {
    method: 'POST',
    // Tests read personal data as case workers do: with a stated purpose (X-Purpose).
    headers: {
      'content-type': 'application/json',
      'x-purpose': TEST_PURPOSE,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: GqlResponse['errors'] };
  return { status: res.status, ...body };
}

/** Polls until `check` returns a value (not undefined) or time runs out. */
export async function eventually<T>(
  check: () => Promise<T | undefined | null | false>,
  timeoutMs = 20_000,
  everyMs = 50,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v !== undefined && v !== null && v !== false) return v as T;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end)
      throw new Error(`condition not met within ${timeoutMs} ms${last ? `: ${(last as Error).message}` : ''}`);
    await sleep(everyMs);
  }
}

/** Valid СНИЛС numbers for tests, generated with the checksum rule. */
export function validSnils(seed: number): string {
  const body = String(100_000_000 + ((seed * 7919) % 800_000_000)).padStart(9, '0');
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(body[i]) * (9 - i);
  const check = sum < 100 ? sum : sum === 100 || sum === 101 ? 0 : sum % 101 === 100 ? 0 : sum % 101;
  return `${body}${String(check).padStart(2, '0')}`;
}

/** A tiny real PNG standing in for a recipient's drawn signature (base64). */
export const SIGNATURE_PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/**
 * An audit row's own columns: what a request writes. The seal (chain_pos,
 * prev_hash, hash) is added seconds later by the service's background sealer,
 * so "did this call write anything" must not look at it.
 */
export const AUDIT_ROW_COLUMNS = ['id', 'at', ...AUDIT_COLUMNS].join(', ');

/**
 * A GraphQL client for component and end-to-end tests: `call` returns the
 * raw response; `ok` fails on any error and returns `data`; `refused`
 * expects an error and proves nothing was written — the named tables (and
 * the outbox, and the audit log's changes) are identical before and after.
 */
export function graphqlClient(url: string, defaultToken: string, databaseUrl?: string) {
  const call = (q: string, v: Record<string, unknown> = {}, token = defaultToken) => gql(url, q, v, token);
  const ok = async (q: string, v: Record<string, unknown> = {}, token = defaultToken) => {
    const r = await call(q, v, token);
    if (r.errors) throw new Error(`GraphQL errors for ${q.slice(0, 80)}…: ${JSON.stringify(r.errors)}`);
    return r.data;
  };
  const snapshot = (tables: string[]) =>
    Promise.all(
      tables.map((t) =>
        query(databaseUrl!, `select md5(coalesce(string_agg(t::text, '' order by t::text), '')) h from ${t} t`),
      ),
    );
  const refused = async (q: string, v: Record<string, unknown>, token: string, tables: string[]) => {
    if (!databaseUrl) throw new Error('refused() needs the database URL');
    // Outbox rows by identity only: the relay marks them published at any moment.
    const watched = [
      ...tables,
      '(select id, type, key, payload from outbox_message)',
      `(select ${AUDIT_ROW_COLUMNS} from audit_log where action = 'CHANGE')`,
    ];
    const before = await snapshot(watched);
    const r = await call(q, v, token);
    if (!r.errors?.length) throw new Error(`expected ${q.slice(0, 80)}… to be refused, got ${JSON.stringify(r.data)}`);
    const after = await snapshot(watched);
    if (JSON.stringify(after) !== JSON.stringify(before))
      throw new Error(
        `a refused call wrote to ${watched.filter((_, i) => JSON.stringify(after[i]) !== JSON.stringify(before[i])).join(', ')}`,
      );
    return r.errors[0]!.extensions!;
  };
  return { call, ok, refused };
}

/** An ordinary needs questionnaire (анкета): social help and help finding work. */
export const TEST_NEEDS = {
  socialHelp: true,
  psychologicalSupport: false,
  employmentHelp: true,
  vocationalTraining: false,
  financialLiteracy: false,
} as const;
