import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createGatewayServer, SUPERGRAPH_PATH, type GatewayServer } from '@sc/gateway';
import { createLogger } from '@sc/runtime';
import { PostgresRateLimitStore } from '@sc/subgraph-kit';
import { createTestDatabase, gql, testAuth, tokenFor } from '@sc/testing';
import { SERVICE_NAMES } from '../src/stack';
import { TEST_GATEWAY_SECRET, useTestStack } from './test-stack';

/**
 * Two gateway replicas share their rate-limit counters in PostgreSQL: a
 * subject's requests count across both, and past the limit the answer is
 * 429 with Retry-After. A gateway that cannot answer in time says 504.
 */
describe('gateway replicas: a shared rate limit, and a request timeout', () => {
  const s = useTestStack();
  const started: GatewayServer[] = [];
  const stores: PostgresRateLimitStore[] = [];

  afterAll(async () => {
    for (const g of started) await g.stop();
    for (const st of stores) await st.close();
  });

  async function replica(
    databaseUrl: string,
    o: { perSubject?: number; timeoutMs?: number; trustedDocuments?: Map<string, string> } = {},
  ): Promise<string> {
    const store = new PostgresRateLimitStore(databaseUrl);
    stores.push(store);
    const gw = await createGatewayServer({
      supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
      subgraphUrls: Object.fromEntries(SERVICE_NAMES.map((n) => [n, s.services[n].url])),
      auth: testAuth,
      logger: createLogger('gateway-replica', 'silent'),
      gatewaySecret: TEST_GATEWAY_SECRET,
      rateLimit: { store, perSubject: o.perSubject ?? 1000, perAddress: 1000, windowSeconds: 3600 },
      requestTimeoutMs: o.timeoutMs,
      trustedDocuments: o.trustedDocuments,
    });
    started.push(gw);
    return gw.start(0);
  }

  it('counts a subject across replicas and answers 429 with Retry-After past the limit', async () => {
    const db = await createTestDatabase('gw_limits');
    const [a, b] = [await replica(db, { perSubject: 5 }), await replica(db, { perSubject: 5 })];
    const token = await tokenFor('SOCIAL_SERVICE', ['SPECIALIST'], `limited-${Date.now()}`);
    const other = await tokenFor('SOCIAL_SERVICE', ['SPECIALIST'], `unlimited-${Date.now()}`);
    const q = '{ urgentServiceCatalogue { code } }';
    for (const url of [a, b, a, b, a]) expect((await gql(url, q, {}, token)).status).toBe(200);
    const res = await fetch(b, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: q }),
    });
    expect(res.status).toBe(429);
    const retryAfter = Number(res.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(((await res.json()) as any).errors[0].extensions.code).toBe('RATE_LIMITED');
    // Another subject is not held back by the first one's requests.
    expect((await gql(a, q, {}, other)).status).toBe(200);
  });

  it('answers 504 TIMEOUT when the answer takes longer than the request timeout', async () => {
    const url = await replica(await createTestDatabase('gw_timeout'), { timeoutMs: 1 });
    const r = await gql(url, '{ urgentServiceCatalogue { code } }', {}, await tokenFor('SOCIAL_SERVICE'));
    expect(r.status).toBe(504);
    expect(r.errors?.[0]?.extensions?.code).toBe('TIMEOUT');
  });

  it('with a safelist, runs only the front-ends’ registered documents, whole or by hash', async () => {
    const doc = '{ urgentServiceCatalogue { code } }';
    const hash = createHash('sha256').update(doc).digest('hex');
    const url = await replica(await createTestDatabase('gw_safelist'), { trustedDocuments: new Map([[hash, doc]]) });
    const token = await tokenFor('SOCIAL_SERVICE');
    const post = (body: unknown) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));
    expect((await post({ query: doc })).body.data.urgentServiceCatalogue.length).toBeGreaterThan(0);
    const byHash = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
    expect(byHash.body.data.urgentServiceCatalogue.length).toBeGreaterThan(0);
    const other = await post({ query: '{ urgentServiceCatalogue { code name } }' });
    expect(other.status).toBe(400);
    expect(other.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_ALLOWED');
  });
});
