import { gql, serviceUnderTest, tokenFor, validSnils, TEST_NEEDS } from '@sc/testing';
import { createSocialProtectionServer } from '../src/server';

/**
 * ЦСПН's worklists (issue 12): a page of applications or contracts in the
 * caller's territory, filtered, in a stable order, page after page by cursor;
 * another district sees neither the rows nor their count.
 */
describe('ЦСПН worklists (component, real PostgreSQL)', () => {
  const sut = serviceUnderTest({
    name: 'social-protection',
    create: createSocialProtectionServer,
    caller: { agency: 'SOCIAL_PROTECTION', subject: 'irkutsk-1' },
  });
  const SUBMIT = `mutation($i: SubmitScApplicationInput!) { submitScApplication(input: $i) { id } }`;
  const LIST = `query($f: ScApplicationFilter, $first: Int, $after: String) {
    scApplications(filter: $f, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id territory status assignedTo } }
    } }`;
  const needs = TEST_NEEDS;
  const submit = (n: number, token: string, territory?: string) =>
    sut.ok(
      SUBMIT,
      {
        i: {
          citizen: {
            snils: validSnils(8200 + n),
            lastName: 'Спискова',
            firstName: `Анна${n}`,
            birthDate: '1990-01-01',
          },
          zone: 'WHOLE_REGION',
          needs,
          household: [{ relation: 'APPLICANT', fullName: `Спискова Анна${n}`, birthDate: '1990-01-01', incomes: [] }],
          ...(territory ? { territory } : {}),
        },
      },
      token,
    );
  let bayanday: string;
  let region: string;
  const irkutskIds: string[] = [];

  beforeAll(async () => {
    bayanday = await tokenFor('SOCIAL_PROTECTION', ['SPECIALIST'], 'bayanday-1', '25607000');
    region = await tokenFor('SOCIAL_PROTECTION', ['HEAD'], 'region-head', '25000000');
    for (let n = 0; n < 7; n++) irkutskIds.push((await submit(n, sut.token)).submitScApplication.id);
    for (let n = 7; n < 10; n++) await submit(n, bayanday);
  });

  it('pages through the district list by cursor, newest first, each row once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: any = (await sut.ok(LIST, { first: 3, after })).scApplications;
      expect(page.totalCount).toBe(7);
      seen.push(...page.edges.map((e: { node: { id: string } }) => e.node.id));
      // Relay's PageInfo: the page's first and last cursors; a page reached by `after` has rows before it.
      expect(page.pageInfo).toMatchObject({
        hasPreviousPage: after !== null,
        startCursor: page.edges[0].cursor,
        endCursor: page.edges.at(-1).cursor,
      });
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toEqual([...irkutskIds].reverse());
  });

  it("never shows another district's rows or count; region staff see all and narrow by district", async () => {
    const other = (await sut.ok(LIST, {}, bayanday)).scApplications;
    expect(other.totalCount).toBe(3);
    expect(other.edges.every((e: { node: { territory: string } }) => e.node.territory === '25607000')).toBe(true);
    expect((await sut.ok(LIST, {}, region)).scApplications.totalCount).toBe(10);
    const narrowed = (await sut.ok(LIST, { f: { territory: '25607000' } }, region)).scApplications;
    expect(narrowed.totalCount).toBe(3);
  });

  it('filters by status and by the responsible specialist', async () => {
    const mine = (await sut.ok(LIST, { f: { assignedTo: 'irkutsk-1', status: ['REGISTERED'] } })).scApplications;
    expect(mine.totalCount).toBe(7);
    const none = (await sut.ok(LIST, { f: { status: ['CONTRACTED'] } })).scApplications;
    expect(none).toMatchObject({
      totalCount: 0,
      edges: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
    });
  });

  it('refuses a page size over 200, a cursor of another list or no cursor at all, and a territory outside', async () => {
    const ext = async (v: Record<string, unknown>, token = sut.token) =>
      (await gql(sut.url, LIST, v, token)).errors?.[0]?.extensions;
    expect(await ext({ first: 201 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first', rule: 'RANGE' });
    expect(await ext({ first: -1 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(await ext({ after: 'not-a-cursor' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'after',
      rule: 'CURSOR',
    });
    const contracts = `query($after: String) { socialContracts(after: $after) { totalCount } }`;
    const foreign = (await sut.ok(LIST, { first: 1 })).scApplications.pageInfo.endCursor;
    const r = await gql(sut.url, contracts, { after: foreign }, sut.token);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'CURSOR' });
    expect(await ext({ f: { territory: '25000000' } })).toMatchObject({
      code: 'FORBIDDEN',
      field: 'filter.territory',
      rule: 'TERRITORY',
    });
    expect(await ext({ f: { status: ['NO_SUCH'] } })).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('is for ЦСПН staff and auditors, not for analysts or other agencies', async () => {
    const q = `{ scApplications { totalCount } }`;
    for (const token of [await tokenFor('MINISTRY', ['ANALYST']), await tokenFor('SOCIAL_SERVICE', ['SPECIALIST'])])
      expect((await gql(sut.url, q, {}, token)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const auditor = await tokenFor('MINISTRY', ['AUDITOR'], 'aud', '25000000');
    expect((await gql(sut.url, q, {}, auditor)).data.scApplications.totalCount).toBe(10);
  });

  it('counts the normed time of each action to its specialist, and shows a HEAD the load against the norms', async () => {
    const head = await tokenFor('SOCIAL_PROTECTION', ['HEAD'], 'irkutsk-head');
    const WORKLOAD = `query { socialProtectionWorkload { month specialists { subject openApplications hoursThisMonth
      projectedHoursPerMonth hoursAvailable contractsNorm overloaded } office { specialists specialistsNeeded leastLoaded } } }`;
    const w = (await sut.ok(WORKLOAD, {}, head)).socialProtectionWorkload;
    // 7 applications by irkutsk-1: consultation 30 + data entry 60 minutes each; 2 h of ПСА and МВК ahead for each.
    expect(w.specialists).toEqual([
      {
        subject: 'irkutsk-1',
        openApplications: 7,
        hoursThisMonth: 10.5,
        projectedHoursPerMonth: 14,
        hoursAvailable: 176,
        contractsNorm: 52,
        overloaded: false,
      },
    ]);
    expect(w.office).toEqual({ specialists: 1, specialistsNeeded: 1, leastLoaded: 'irkutsk-1' });
    expect((await gql(sut.url, WORKLOAD, {}, sut.token)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });

    const LOG = `{ socialProtectionWorkLog { id operation normedMinutes actualMinutes } }`;
    const log = (await sut.ok(LOG)).socialProtectionWorkLog;
    expect(log).toHaveLength(7);
    expect(log[0]).toMatchObject({ operation: 'submitScApplication', normedMinutes: 90, actualMinutes: null });
    const CORRECT = `mutation($i: CorrectWorkTimeInput!) { correctSocialProtectionWorkTime(input: $i) { normedMinutes actualMinutes } }`;
    const other = await tokenFor('SOCIAL_PROTECTION', ['SPECIALIST'], 'irkutsk-2');
    const fail = async (v: Record<string, unknown>, token: string) =>
      (await gql(sut.url, CORRECT, v, token)).errors?.[0]?.extensions;
    expect(await fail({ i: { workId: log[0].id, actualMinutes: 30 } }, other)).toMatchObject({
      rule: 'OWN_WORK_OR_HEAD',
    });
    expect(await fail({ i: { workId: log[0].id, actualMinutes: 30 } }, bayanday)).toMatchObject({ rule: 'TERRITORY' });
    expect(await fail({ i: { workId: log[0].id, actualMinutes: 2000 } }, sut.token)).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.actualMinutes',
    });
    expect(
      (await sut.ok(CORRECT, { i: { workId: log[0].id, actualMinutes: 30 } })).correctSocialProtectionWorkTime,
    ).toEqual({
      normedMinutes: 90,
      actualMinutes: 30,
    });
    const after = (await sut.ok(WORKLOAD, {}, head)).socialProtectionWorkload.specialists[0];
    expect(after.hoursThisMonth).toBe(9.5);
  });
});
