import { ManualClock } from '@sc/kernel';
import { eventually, TEST_NEEDS, tokenFor, validSnils, graphqlClient } from '@sc/testing';
import { useTestStack } from './test-stack';

/**
 * The gateway's statistics cache (issue 11, STATISTICS_CACHE_SECONDS and
 * STATISTICS_STALE_SECONDS): the same statistics query from a caller of the
 * same scope is answered from the gateway for a second (an `age` header says
 * so), then served once more while the next answer is computed; never across
 * scopes, never a per-person query or an error; a change still shows within
 * seconds.
 */
describe('statistics answered from the gateway for a second per caller scope', () => {
  // The region's month is fixed: counts go to the month of Irkutsk's date, not UTC's.
  const s = useTestStack({
    clock: new ManualClock('2026-11-20T03:00:00Z'),
    statisticsCacheSeconds: 1,
    statisticsStaleSeconds: 5,
  });
  const REGION_MONTH = `query($t: String!, $m: String!) {
    statistics(territory: $t, from: $m, to: $m, by: [MONTH]) {
      territory period socialProtection { applicationsByChannel { total { count suppressed } } }
    } }`;
  const post = async (token: string, query: string, variables: Record<string, unknown>) => {
    const r = await fetch(s.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return { age: r.headers.get('age'), body: (await r.json()) as { data?: any; errors?: any[] } };
  };
  const month = '2026-11';
  const total = (b: { data?: any }) => b.data.statistics[0].socialProtection.applicationsByChannel.total.count;

  it('serves the second identical query from the cache, per scope only, and shows a change within seconds', async () => {
    const head = await tokenFor('SOCIAL_PROTECTION', ['HEAD'], 'sp-head-cache', '25');
    const analyst = await tokenFor('MINISTRY', ['ANALYST'], 'ministry-cache', '25');
    const vars = { t: '25', m: month };
    const first = await post(head, REGION_MONTH, vars);
    expect(first.body.errors).toBeUndefined();
    expect(first.age).toBeNull();
    const second = await post(head, REGION_MONTH, vars);
    expect(second.age).not.toBeNull();
    expect(second.body).toEqual(first.body);
    // Past the second: the last answer at once (its age says how old), and the next one computed meanwhile.
    await new Promise((r) => setTimeout(r, 1_100));
    const stale = await post(head, REGION_MONTH, vars);
    expect(Number(stale.age)).toBeGreaterThanOrEqual(1);
    expect(stale.body).toEqual(first.body);
    await eventually(async () => (await post(head, REGION_MONTH, vars)).age === '0', 5_000);
    // Another scope (the ministry's analyst, whose small counts are suppressed) is computed for itself.
    expect((await post(analyst, REGION_MONTH, vars)).age).toBeNull();
    // Other variables are another answer.
    expect((await post(head, REGION_MONTH, { t: '25', m: '2026-10' })).age).toBeNull();

    // A change: the cached answer is at most a second old, then the new count shows.
    const before = total(first.body);
    const sp = await tokenFor('SOCIAL_PROTECTION', ['SPECIALIST'], 'sp-cache', '25701000');
    await graphqlClient(s.gatewayUrl, sp).ok(
      `mutation($i: SubmitScApplicationInput!) { submitScApplication(input: $i) { id } }`,
      {
        i: {
          citizen: { snils: validSnils(9901), lastName: 'Кэшева', firstName: 'Ия', birthDate: '1990-01-01' },
          zone: 'WHOLE_REGION',
          needs: TEST_NEEDS,
          household: [{ relation: 'APPLICANT', fullName: 'Кэшева Ия', birthDate: '1990-01-01', incomes: [] }],
        },
      },
    );
    const t0 = Date.now();
    await eventually(async () => total((await post(head, REGION_MONTH, vars)).body) === before + 1, 10_000);
    expect(Date.now() - t0).toBeLessThan(5_000);
  });

  it('never caches a per-person query or an error', async () => {
    const head = await tokenFor('SOCIAL_PROTECTION', ['HEAD'], 'sp-head-cache-2', '25');
    const LIST = `{ scApplications(first: 1) { totalCount } }`;
    await post(head, LIST, {});
    expect((await post(head, LIST, {})).age).toBeNull();
    const bad = { t: '99', m: month };
    const e1 = await post(head, REGION_MONTH, bad);
    expect(e1.body.errors?.[0]?.extensions?.code).toMatch(/BAD_USER_INPUT|FORBIDDEN/);
    expect((await post(head, REGION_MONTH, bad)).age).toBeNull();
  });
});
