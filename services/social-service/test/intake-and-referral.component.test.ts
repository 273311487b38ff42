import { deriveCitizenId } from '@sc/kernel';
import { count, gql, eventually, query, tokenFor, validSnils, serviceUnderTest, countersAndSources } from '@sc/testing';
import { DEV_CITIZEN_ID_SECRET } from '@sc/subgraph-kit';
import { createSocialServiceServer } from '../src/server';
import { SOCIAL_SERVICE_STAT_SOURCES } from '../src/statistics/adapters/statistics.sql';

const REGISTER = `mutation R($input: RegisterSocialServiceApplicationInput!) {
  registerSocialServiceApplication(input: $input) { id status citizen { id } needs { employmentHelp financialLiteracy } circumstances }
}`;
const REFER = `mutation F($input: ReferCitizenForSocialContractInput!) {
  referCitizenForSocialContract(input: $input) { id status type toAgency application { id } }
}`;
const needs = {
  socialHelp: true,
  psychologicalSupport: false,
  employmentHelp: true,
  vocationalTraining: true,
  financialLiteracy: true,
};
const person = (snils?: string) => ({
  snils,
  lastName: 'Иванова',
  firstName: 'Мария',
  middleName: 'Петровна',
  birthDate: '1988-04-12',
});

describe('КЦСОН subgraph (component, real PostgreSQL and Kafka-protocol broker)', () => {
  const sut = serviceUnderTest({
    name: 'social-service',
    create: createSocialServiceServer,
    caller: { agency: 'SOCIAL_SERVICE' },
  });

  it('answers /health and /ready (database and broker reachable)', async () => {
    const base = sut.url.replace('/graphql', '');
    expect((await fetch(`${base}/health`)).status).toBe(200);
    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'ready',
      checks: { database: 'ok', broker: 'ok', consumer: 'ok' },
    });
  });

  it('refuses a request without a token or with a bad token: HTTP 401 UNAUTHENTICATED', async () => {
    const none = await gql(sut.url, '{ citizen(id: "00000000-0000-0000-0000-000000000000") { id } }');
    expect(none.status).toBe(401);
    expect(none.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const bad = await gql(sut.url, '{ __typename }', {}, 'not.a.jwt');
    expect(bad.status).toBe(401);
    // Which check failed is for the server's log, not for a prober.
    for (const r of [none, bad]) expect(r.errors?.[0]?.message).toBe('the bearer token was refused');
  });

  it('registers an application; the citizen key is derived from the СНИЛС; the change is audited', async () => {
    const snils = validSnils(1);
    const r = await gql(
      sut.url,
      REGISTER,
      { input: { citizen: person(snils), needs, circumstances: ['NO_WORK_NO_INCOME'] } },
      sut.token,
    );
    expect(r.errors).toBeUndefined();
    const app = r.data.registerSocialServiceApplication;
    expect(app).toMatchObject({
      status: 'REGISTERED',
      needs: { employmentHelp: true, financialLiteracy: true },
      circumstances: ['NO_WORK_NO_INCOME'],
    });
    expect(app.citizen.id).toBe(deriveCitizenId(snils, DEV_CITIZEN_ID_SECRET));
    const audit = await query(sut.db, `select * from audit_log where citizen_id = $1 and action = 'CHANGE'`, [
      app.citizen.id,
    ]);
    expect(audit[0]).toMatchObject({
      subject: 'social_service-tester',
      agency: 'SOCIAL_SERVICE',
      operation: 'registerSocialServiceApplication',
    });
  });

  it('registers a person without СНИЛС under a provisional key', async () => {
    const r = await gql(
      sut.url,
      REGISTER,
      { input: { citizen: person(undefined), needs, circumstances: [] } },
      sut.token,
    );
    expect(r.errors).toBeUndefined();
    const id = r.data.registerSocialServiceApplication.citizen.id;
    expect((await query(sut.db, 'select snils from citizen where id = $1', [id]))[0]).toEqual({ snils: null });
  });

  describe('bad input is refused with a coded error naming the field and rule, and nothing is written', () => {
    let before: { citizens: number; apps: number; outbox: number; referrals: number };
    const snapshot = async () => ({
      citizens: await count(sut.db, 'citizen'),
      apps: await count(sut.db, 'service_application'),
      outbox: await count(sut.db, 'outbox_message'),
      referrals: await count(sut.db, 'outgoing_referral'),
    });
    beforeEach(async () => {
      before = await snapshot();
    });
    afterEach(async () => {
      expect(await snapshot()).toEqual(before);
    });

    it('invalid СНИЛС checksum → BAD_USER_INPUT on input.citizen.snils / SNILS_CHECKSUM', async () => {
      const r = await gql(
        sut.url,
        REGISTER,
        { input: { citizen: person('112-233-445 96'), needs, circumstances: [] } },
        sut.token,
      );
      expect(r.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.citizen.snils',
        rule: 'SNILS_CHECKSUM',
      });
    });

    it('missing required field → BAD_USER_INPUT naming it', async () => {
      const r = await gql(
        sut.url,
        REGISTER,
        { input: { citizen: person(validSnils(2)), circumstances: [] } },
        sut.token,
      );
      expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0]?.message).toMatch(/needs/);
    });

    it('unknown enum value → BAD_USER_INPUT naming the value', async () => {
      const r = await gql(
        sut.url,
        REGISTER,
        { input: { citizen: person(validSnils(3)), needs, circumstances: ['BAD_LUCK'] } },
        sut.token,
      );
      expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0]?.message).toMatch(/BAD_LUCK/);
    });

    it('birth date in the future → BAD_USER_INPUT NOT_IN_FUTURE', async () => {
      const r = await gql(
        sut.url,
        REGISTER,
        { input: { citizen: { ...person(validSnils(4)), birthDate: '2999-01-01' }, needs, circumstances: [] } },
        sut.token,
      );
      expect(r.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.citizen.birthDate',
        rule: 'NOT_IN_FUTURE',
      });
    });

    it('a referral for a citizen КЦСОН does not know → NOT_FOUND on input.citizenId', async () => {
      const r = await gql(
        sut.url,
        REFER,
        { input: { citizenId: '6c1b8a56-0000-8000-8000-000000000000', basis: 'LOW_INCOME' } },
        sut.token,
      );
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.citizenId' });
    });

    it('another agency may not register КЦСОН applications → FORBIDDEN', async () => {
      const r = await gql(
        sut.url,
        REGISTER,
        { input: { citizen: person(validSnils(5)), needs, circumstances: [] } },
        await tokenFor('SOCIAL_PROTECTION'),
      );
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'ACCESS_POLICY' });
    });
  });

  it('refers for a contract: referral SENT and its M4 message in the outbox in one commit, then published; a second open referral is a CONFLICT', async () => {
    const snils = validSnils(6);
    const reg = await gql(
      sut.url,
      REGISTER,
      { input: { citizen: person(snils), needs, circumstances: [] } },
      sut.token,
    );
    const citizenId = reg.data.registerSocialServiceApplication.citizen.id;
    const r = await gql(
      sut.url,
      REFER,
      { input: { citizenId, basis: 'LOW_INCOME', comment: 'многодетная семья' } },
      sut.token,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.referCitizenForSocialContract).toMatchObject({
      status: 'SENT',
      type: 'FOR_CONTRACT',
      toAgency: 'SOCIAL_PROTECTION',
    });
    const [row] = await query(
      sut.db,
      `select * from outbox_message where type = 'referral.for-contract.v1' and key = $1`,
      [citizenId],
    );
    expect(row.headers).toMatchObject({
      ce_type: 'referral.for-contract.v1',
      ce_subject: citizenId,
      ce_source: '/agencies/social-service',
      ce_specversion: '1.0',
    });
    const body = JSON.parse(row.payload);
    expect(body).toMatchObject({
      referralId: r.data.referCitizenForSocialContract.id,
      citizenId,
      person: { snils, lastName: 'Иванова' },
      needs,
    });
    await eventually(
      async () =>
        (await query(sut.db, 'select published_at from outbox_message where seq = $1', [row.seq]))[0].published_at,
    );

    const again = await gql(sut.url, REFER, { input: { citizenId, basis: 'LOW_INCOME' } }, sut.token);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', domainCode: 'REFERRAL_ALREADY_OPEN' });
  });

  it('resolves Citizen entities directly (_entities) and audits the read', async () => {
    const snils = validSnils(7);
    const reg = await gql(
      sut.url,
      REGISTER,
      { input: { citizen: person(snils), needs, circumstances: [] } },
      sut.token,
    );
    const citizenId = reg.data.registerSocialServiceApplication.citizen.id;
    const r = await gql(
      sut.url,
      `query E($reps: [_Any!]!) { _entities(representations: $reps) { ... on Citizen { id socialServiceProfile { lastName snilsMasked hasSnils } socialServiceApplications { id } } } }`,
      {
        reps: [
          { __typename: 'Citizen', id: citizenId },
          { __typename: 'Citizen', id: '6c1b8a56-0000-8000-8000-000000000001' },
        ],
      },
      sut.token,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data._entities[0]).toMatchObject({
      id: citizenId,
      socialServiceProfile: { lastName: 'Иванова', snilsMasked: `***-***-*** ${snils.slice(9)}`, hasSnils: true },
    });
    expect(r.data._entities[0].socialServiceApplications).toHaveLength(1);
    expect(r.data._entities[1]).toEqual({
      id: '6c1b8a56-0000-8000-8000-000000000001',
      socialServiceProfile: null,
      socialServiceApplications: [],
    });
    const reads = await query(sut.db, `select operation from audit_log where citizen_id = $1 and action = 'READ'`, [
      citizenId,
    ]);
    expect(reads.map((x) => x.operation)).toEqual(
      expect.arrayContaining(['E:Citizen.socialServiceProfile', 'E:Citizen.socialServiceApplications']),
    );
  });

  it('after every scenario above, each statistics counter equals a plain GROUP BY over the source tables (issue 11)', async () => {
    const { live, plain, indicators } = await countersAndSources(sut.db, Object.keys(SOCIAL_SERVICE_STAT_SOURCES));
    expect(live).toEqual(plain);
    // the scenarios reached these indicators (otherwise equality proves little)
    expect([...indicators].sort()).toEqual(['REFERRALS_SENT', 'REFERRAL_OUTCOMES']);
  });
});
