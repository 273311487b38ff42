import { HeaderMap, type HTTPGraphQLRequest, type HTTPGraphQLResponse } from '@apollo/server';
import type { Principal } from '@sc/auth';
import { statisticsCache, type Execute } from './statistics-cache';

type Ctx = { principal: Principal };
const principal = (agency: string, territory = '25'): Principal =>
  ({ subject: 's', agency, roles: ['ANALYST'], territory }) as unknown as Principal;
const STATS = `query D($t: String!) { statistics(territory: $t, from: "2026-01", to: "2026-01", by: [MONTH]) { period } }`;
const PERSON = `query { scApplications(first: 1) { totalCount } }`;
const post = (query: string, variables: unknown = { t: '25' }, extra: object = {}): HTTPGraphQLRequest => ({
  method: 'POST',
  headers: new HeaderMap(),
  search: '',
  body: { query, variables, ...extra },
});

/** A fake Apollo: answers `data: { n }` with a counter, or an error when told to; resolves when released. */
function fakeApollo() {
  let n = 0;
  let failNext = false;
  const pending: (() => void)[] = [];
  const calls: HTTPGraphQLRequest[] = [];
  const execute: Execute<Ctx> = async (request) => {
    calls.push(request);
    const fail = failNext;
    failNext = false;
    await new Promise<void>((r) => pending.push(r));
    const body = fail ? { errors: [{ message: 'no', extensions: { code: 'FORBIDDEN' } }] } : { data: { n: ++n } };
    const headers = new HeaderMap([['content-type', 'application/json']]);
    return { status: 200, headers, body: { kind: 'complete', string: JSON.stringify(body) } } as HTTPGraphQLResponse;
  };
  const release = async () => {
    await new Promise((r) => setImmediate(r));
    pending.splice(0).forEach((r) => r());
    await new Promise((r) => setImmediate(r));
  };
  return { execute, calls, release, failOnce: () => (failNext = true) };
}

async function ask(ex: Execute<Ctx>, apollo: ReturnType<typeof fakeApollo>, r: HTTPGraphQLRequest, ctx: Ctx) {
  const p = ex(r, ctx);
  await apollo.release();
  const res = await p;
  return { age: res.headers.get('age'), body: JSON.parse((res.body as { string: string }).string) };
}

describe('the gateway keeps a statistics answer ready per caller scope', () => {
  let clock = 0;
  const now = () => clock;
  beforeEach(() => (clock = 1_000_000));
  const analyst = { principal: principal('MINISTRY') };

  it('serves a repeated statistics query from memory with its age, fresh for freshSeconds', async () => {
    const apollo = fakeApollo();
    const ex = statisticsCache(apollo.execute, { freshSeconds: 1, staleSeconds: 5, now });
    expect(await ask(ex, apollo, post(STATS), analyst)).toEqual({ age: undefined, body: { data: { n: 1 } } });
    clock += 900;
    expect(await ask(ex, apollo, post(STATS), analyst)).toEqual({ age: '0', body: { data: { n: 1 } } });
    expect(apollo.calls).toHaveLength(1);
  });

  it('past freshSeconds serves the last answer once while one background request computes the next', async () => {
    const apollo = fakeApollo();
    const ex = statisticsCache(apollo.execute, { freshSeconds: 1, staleSeconds: 5, now });
    await ask(ex, apollo, post(STATS), analyst);
    clock += 2_500;
    // Stale: answered at once from memory (no release needed), a refresh started.
    const stale = await ex(post(STATS), analyst);
    expect(stale.headers.get('age')).toBe('2');
    expect(JSON.parse((stale.body as { string: string }).string)).toEqual({ data: { n: 1 } });
    // A second stale hit while the refresh runs starts no second one.
    await ex(post(STATS), analyst);
    expect(apollo.calls).toHaveLength(2);
    await apollo.release();
    expect(await ask(ex, apollo, post(STATS), analyst)).toEqual({ age: '0', body: { data: { n: 2 } } });
  });

  it('past staleSeconds the caller waits for a fresh answer (never older than staleSeconds)', async () => {
    const apollo = fakeApollo();
    const ex = statisticsCache(apollo.execute, { freshSeconds: 1, staleSeconds: 5, now });
    await ask(ex, apollo, post(STATS), analyst);
    clock += 5_001;
    expect(await ask(ex, apollo, post(STATS), analyst)).toEqual({ age: undefined, body: { data: { n: 2 } } });
  });

  it('keeps one answer per scope, variables and document; never a per-person query', async () => {
    const apollo = fakeApollo();
    const ex = statisticsCache(apollo.execute, { freshSeconds: 1, staleSeconds: 5, now });
    await ask(ex, apollo, post(STATS), analyst);
    expect((await ask(ex, apollo, post(STATS), { principal: principal('SOCIAL_PROTECTION') })).age).toBeUndefined();
    expect((await ask(ex, apollo, post(STATS), { principal: principal('MINISTRY', '25701000') })).age).toBeUndefined();
    expect((await ask(ex, apollo, post(STATS, { t: '25701000' }), analyst)).age).toBeUndefined();
    await ask(ex, apollo, post(PERSON, {}), analyst);
    expect((await ask(ex, apollo, post(PERSON, {}), analyst)).age).toBeUndefined();
    expect(apollo.calls).toHaveLength(6);
  });

  it('never keeps an error, and forgets an answer whose refresh failed', async () => {
    const apollo = fakeApollo();
    const ex = statisticsCache(apollo.execute, { freshSeconds: 1, staleSeconds: 5, now });
    apollo.failOnce();
    expect((await ask(ex, apollo, post(STATS), analyst)).body.errors).toHaveLength(1);
    expect((await ask(ex, apollo, post(STATS), analyst)).age).toBeUndefined();
    clock += 2_000;
    apollo.failOnce();
    await ask(ex, apollo, post(STATS), analyst); // stale hit; its refresh fails
    const next = await ask(ex, apollo, post(STATS), analyst);
    expect(next).toEqual({ age: undefined, body: { data: { n: 2 } } });
  });

  it('shares one execution among concurrent misses of the same key', async () => {
    const apollo = fakeApollo();
    const ex = statisticsCache(apollo.execute, { freshSeconds: 1, staleSeconds: 5, now });
    const both = Promise.all([ex(post(STATS), analyst), ex(post(STATS), analyst)]);
    await apollo.release();
    await both;
    expect(apollo.calls).toHaveLength(1);
  });

  it('finds a trusted document sent by its hash, and is off when freshSeconds is 0', async () => {
    const apollo = fakeApollo();
    const ex = statisticsCache(apollo.execute, {
      freshSeconds: 1,
      staleSeconds: 5,
      now,
      documentByHash: (h) => (h === 'abc' ? STATS : undefined),
    });
    const byHash = () =>
      post(undefined as never, { t: '25' }, { extensions: { persistedQuery: { sha256Hash: 'abc' } } });
    await ask(ex, apollo, byHash(), analyst);
    expect((await ask(ex, apollo, byHash(), analyst)).age).toBe('0');
    expect(statisticsCache(apollo.execute, { freshSeconds: 0, staleSeconds: 5 })).toBe(apollo.execute);
  });

  it('keeps at most maxEntries answers, the least recently stored going first', async () => {
    const apollo = fakeApollo();
    const ex = statisticsCache(apollo.execute, { freshSeconds: 1, staleSeconds: 5, now, maxEntries: 2 });
    for (const t of ['25', '25701000', '25702000']) await ask(ex, apollo, post(STATS, { t }), analyst);
    expect((await ask(ex, apollo, post(STATS, { t: '25702000' }), analyst)).age).toBe('0');
    expect((await ask(ex, apollo, post(STATS, { t: '25' }), analyst)).age).toBeUndefined();
  });

  it('keeps answers within maxBytes, and serves the stored bytes themselves', async () => {
    const apollo = fakeApollo();
    // Each fake answer is 16 bytes ({"data":{"n":1}}): room for two.
    const ex = statisticsCache(apollo.execute, { freshSeconds: 1, staleSeconds: 5, now, maxBytes: 40 });
    for (const t of ['25', '25701000', '25702000']) await ask(ex, apollo, post(STATS, { t }), analyst);
    const hit = await ex(post(STATS, { t: '25702000' }), analyst);
    expect(hit.bytes?.toString('utf8')).toBe('{"data":{"n":3}}');
    expect((await ask(ex, apollo, post(STATS, { t: '25701000' }), analyst)).age).toBe('0');
    expect((await ask(ex, apollo, post(STATS, { t: '25' }), analyst)).age).toBeUndefined();
  });
});
