import { TOPICS } from '@sc/contracts';
import { deriveCitizenId } from '@sc/kernel';
import { DEV_CITIZEN_ID_SECRET } from '@sc/subgraph-kit';
import { count, eventually, gql, query, tokenFor, validSnils } from '@sc/testing';
import { startTestStack, type TestStack } from './test-stack';

const REGISTER = `mutation R($input: RegisterSocialServiceApplicationInput!) {
  registerSocialServiceApplication(input: $input) { id citizen { id } }
}`;
const REFER = `mutation F($input: ReferCitizenForSocialContractInput!) {
  referCitizenForSocialContract(input: $input) { id status }
}`;
const CITIZEN = `query C($id: ID!) {
  citizen(id: $id) {
    id
    socialServiceProfile { lastName hasSnils }
    socialServiceApplications { id status needs { socialHelp psychologicalSupport employmentHelp vocationalTraining financialLiteracy } }
    socialServiceReferrals { id status type toAgency receiverCaseId respondedAt }
    socialProtectionProfile { lastName firstName birthDate snilsMasked }
    contractApplications { id status channel needs { employmentHelp financialLiteracy } incomingReferrals { id fromAgency status senderCaseId } }
    employmentProfile { lastName }
  }
}`;
const needs = {
  socialHelp: true,
  psychologicalSupport: true,
  employmentHelp: true,
  vocationalTraining: false,
  financialLiteracy: true,
};

describe('КЦСОН → ЦСПН referral, end to end through the gateway and the Kafka-protocol broker (seed 000)', () => {
  let s: TestStack;
  let kcson: string;
  let cspn: string;

  beforeAll(async () => {
    s = await startTestStack();
    kcson = await tokenFor('SOCIAL_SERVICE', ['SPECIALIST']);
    cspn = await tokenFor('SOCIAL_PROTECTION', ['SPECIALIST']);
  }, 120_000);
  afterAll(async () => {
    await s?.stop();
  }, 60_000);

  async function registerAndRefer(
    seed: number,
    token = kcson,
  ): Promise<{ citizenId: string; applicationId: string; referralId: string }> {
    const snils = validSnils(seed);
    const reg = await gql(
      s.gatewayUrl,
      REGISTER,
      {
        input: {
          citizen: { snils, lastName: 'Петров', firstName: 'Иван', birthDate: '1990-02-03' },
          needs,
          circumstances: ['NO_WORK_NO_INCOME'],
        },
      },
      token,
    );
    expect(reg.errors).toBeUndefined();
    const citizenId = reg.data.registerSocialServiceApplication.citizen.id;
    const ref = await gql(s.gatewayUrl, REFER, { input: { citizenId, basis: 'LOW_INCOME' } }, token);
    expect(ref.errors).toBeUndefined();
    return {
      citizenId,
      applicationId: reg.data.registerSocialServiceApplication.id,
      referralId: ref.data.referCitizenForSocialContract.id,
    };
  }

  const spApplications = (citizenId: string) =>
    count(s.db['social-protection'], 'sc_application', 'citizen_id = $1', [citizenId]);

  it('refuses the gateway without a token: HTTP 401 UNAUTHENTICATED', async () => {
    const r = await gql(s.gatewayUrl, '{ citizen(id: "6c1b8a56-0000-8000-8000-000000000000") { id } }');
    expect(r.status).toBe(401);
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('КЦСОН refers; ЦСПН opens an application; the acceptance travels back; one gateway query shows both agencies', async () => {
    const { citizenId, applicationId, referralId } = await registerAndRefer(101);
    expect(citizenId).toBe(deriveCitizenId(validSnils(101), DEV_CITIZEN_ID_SECRET));

    const view = await eventually(async () => {
      const r = await gql(s.gatewayUrl, CITIZEN, { id: citizenId }, kcson);
      return r.data?.citizen?.socialServiceReferrals?.[0]?.status === 'ACCEPTED' ? r : undefined;
    });
    expect(view.errors).toBeUndefined();
    const c = view.data.citizen;
    // КЦСОН's own fields
    expect(c.socialServiceProfile).toEqual({ lastName: 'Петров', hasSnils: true });
    expect(c.socialServiceApplications).toEqual([{ id: applicationId, status: 'REGISTERED', needs }]);
    // ЦСПН's fields, resolved by ЦСПН from its own database
    expect(c.socialProtectionProfile).toMatchObject({ lastName: 'Петров', firstName: 'Иван', birthDate: '1990-02-03' });
    expect(c.contractApplications).toHaveLength(1);
    const app = c.contractApplications[0];
    expect(app).toMatchObject({
      status: 'REGISTERED',
      channel: 'REFERRAL_FROM_SOCIAL_SERVICE',
      needs: { employmentHelp: true, financialLiteracy: true },
    });
    expect(app.incomingReferrals).toEqual([
      { id: referralId, fromAgency: 'SOCIAL_SERVICE', status: 'ACCEPTED', senderCaseId: applicationId },
    ]);
    // The referral queue of the district shows it (the message named the territory); another district's does not.
    const QUEUE = `{ incomingReferrals(first: 200) { totalCount edges { node { id territory } } } }`;
    const queue = (await gql(s.gatewayUrl, QUEUE, {}, cspn)).data.incomingReferrals;
    expect(queue.edges).toContainEqual({ node: { id: referralId, territory: '25701000' } });
    const elsewhere = await tokenFor('SOCIAL_PROTECTION', ['SPECIALIST'], 'sp-elsewhere', '25607000');
    expect((await gql(s.gatewayUrl, QUEUE, {}, elsewhere)).data.incomingReferrals.totalCount).toBe(0);
    // the reply: КЦСОН's referral knows the case ЦСПН opened
    expect(c.socialServiceReferrals[0]).toMatchObject({
      id: referralId,
      status: 'ACCEPTED',
      type: 'FOR_CONTRACT',
      toAgency: 'SOCIAL_PROTECTION',
      receiverCaseId: app.id,
    });
    // ЦЗН does not know this person: its field is null, not an error
    expect(c.employmentProfile).toBeNull();

    // the same citizen is found by СНИЛС through the gateway (the СНИЛС travels in the body, the key is derived)
    const bySnils = await gql(
      s.gatewayUrl,
      `query($s: String!) { citizenBySnils(snils: $s) { id contractApplications { id } } }`,
      { s: validSnils(101) },
      cspn,
    );
    expect(bySnils.data.citizenBySnils).toEqual({ id: citizenId, contractApplications: [{ id: app.id }] });
    // the reads went to each agency's audit log under the caller's subject
    expect(
      await count(
        s.db['social-protection'],
        'audit_log',
        `citizen_id = $1 and action = 'READ' and subject = 'social_service-tester'`,
        [citizenId],
      ),
    ).toBeGreaterThan(0);
  });

  it('a redelivered message has no second effect (inbox), nor does the same referral under a new message id', async () => {
    const { citizenId } = await registerAndRefer(102);
    await eventually(async () => (await spApplications(citizenId)) === 1);
    const [row] = await query(
      s.db['social-service'],
      `select topic, key, headers, payload from outbox_message where type = 'referral.for-contract.v1' and key = $1`,
      [citizenId],
    );
    const consumer = s.services['social-protection'].consumer;
    const before = { ...consumer.stats };

    await s.buses['social-service'].publish([
      { topic: row.topic, key: row.key, headers: row.headers, value: row.payload },
    ]);
    await eventually(async () => consumer.stats.duplicates > before.duplicates);
    await s.buses['social-service'].publish([
      {
        topic: row.topic,
        key: row.key,
        headers: { ...row.headers, ce_id: '01a2ffff-0000-7000-8000-000000000102' },
        value: row.payload,
      },
    ]);
    await eventually(async () => consumer.stats.handled > before.handled);

    expect(await spApplications(citizenId)).toBe(1);
    expect(await count(s.db['social-protection'], 'incoming_referral', 'citizen_id = $1', [citizenId])).toBe(1);
    expect(
      await count(s.db['social-protection'], 'outbox_message', `key = $1 and type = 'referral.accepted.v1'`, [
        citizenId,
      ]),
    ).toBe(1);
  });

  it('a stopped consumer loses nothing: referrals sent meanwhile are handled after it restarts', async () => {
    const consumer = s.services['social-protection'].consumer;
    await consumer.stop();
    const sent = [await registerAndRefer(103), await registerAndRefer(104)];
    // published to the broker while ЦСПН was not consuming
    await eventually(async () => (await count(s.db['social-service'], 'outbox_message', `published_at is null`)) === 0);
    for (const x of sent) expect(await spApplications(x.citizenId)).toBe(0);
    await consumer.start();
    for (const x of sent) await eventually(async () => (await spApplications(x.citizenId)) === 1, 30_000);
  });

  it('a malformed or invalid message is dead-lettered with its error and the partition keeps flowing', async () => {
    const topic = `${s.topicPrefix}${TOPICS.referrals}`;
    const { citizenId } = await registerAndRefer(105);
    await eventually(async () => (await spApplications(citizenId)) === 1);
    const [good] = await query(
      s.db['social-service'],
      `select headers, payload from outbox_message where type = 'referral.for-contract.v1' and key = $1`,
      [citizenId],
    );
    const bus = s.buses['social-service'];
    const key = 'poison-key';
    const valid = {
      ...JSON.parse(good.payload),
      referralId: '01a2ffff-0000-7000-8000-0000000001a5',
      citizenId: deriveCitizenId(validSnils(106), DEV_CITIZEN_ID_SECRET),
      person: { ...JSON.parse(good.payload).person, snils: validSnils(106) },
    };
    await bus.publish([
      // no CloudEvents headers, body not JSON
      { topic, key, headers: {}, value: '{not json' },
      // a well-formed envelope whose body breaks the schema (СНИЛС checksum)
      {
        topic,
        key,
        headers: { ...good.headers, ce_id: '01a2ffff-0000-7000-8000-0000000001b5' },
        value: JSON.stringify({ ...valid, person: { ...valid.person, snils: '112-233-445 96' } }),
      },
      // and a valid referral on the same key, behind them on the same partition
      {
        topic,
        key,
        headers: { ...good.headers, ce_id: '01a2ffff-0000-7000-8000-0000000001c5', ce_subject: valid.citizenId },
        value: JSON.stringify(valid),
      },
    ]);
    await eventually(async () => (await spApplications(valid.citizenId)) === 1, 30_000);
    const dead = await query(
      s.db['social-protection'],
      `select error_code, error, status, payload from dead_letter order by created_at`,
    );
    expect(dead.map((d) => d.error_code)).toEqual(expect.arrayContaining(['MALFORMED_ENVELOPE', 'SCHEMA_VIOLATION']));
    expect(dead.find((d) => d.error_code === 'SCHEMA_VIOLATION')!.error).toMatch(/person\.snils/);
    expect(dead.find((d) => d.error_code === 'MALFORMED_ENVELOPE')!.payload).toBe('{not json');
    // each dead letter was also copied to the dead-letter topic through the outbox
    await eventually(
      async () =>
        (await count(
          s.db['social-protection'],
          'outbox_message',
          `type = 'dead-letter' and published_at is not null`,
        )) >= 2,
    );
  });

  it('a person registered without СНИЛС and referred is linked later: every agency re-keys, the old key still resolves', async () => {
    const reg = await gql(
      s.gatewayUrl,
      REGISTER,
      {
        input: {
          citizen: { lastName: 'Безымянный', firstName: 'Олег', birthDate: '1979-09-09' },
          needs,
          circumstances: ['NO_FIXED_ABODE'],
        },
      },
      kcson,
    );
    const provisional = reg.data.registerSocialServiceApplication.citizen.id;
    await gql(s.gatewayUrl, REFER, { input: { citizenId: provisional, basis: 'HARDSHIP' } }, kcson);
    await eventually(async () => (await spApplications(provisional)) === 1);

    const LINK = `mutation L($input: LinkCitizenSnilsInput!) { linkCitizenSnils(input: $input) { id } }`;
    const snils = validSnils(107);
    const linked = await gql(s.gatewayUrl, LINK, { input: { citizenId: provisional, snils } }, kcson);
    expect(linked.errors).toBeUndefined();
    const derived = linked.data.linkCitizenSnils.id;
    expect(derived).toBe(deriveCitizenId(snils, DEV_CITIZEN_ID_SECRET));

    // ЦСПН re-keys its copy when citizen.identity-linked.v1 arrives
    await eventually(async () => (await spApplications(derived)) === 1);
    for (const id of [derived, provisional]) {
      const r = await gql(s.gatewayUrl, CITIZEN, { id }, kcson);
      expect(r.errors).toBeUndefined();
      expect(r.data.citizen.socialServiceApplications).toHaveLength(1);
      expect(r.data.citizen.contractApplications).toHaveLength(1);
    }
    expect(
      await count(s.db['social-protection'], 'citizen_alias', 'alias = $1 and citizen_id = $2', [provisional, derived]),
    ).toBe(1);

    // errors: another СНИЛС for the same person, an unknown person, a СНИЛС that belongs to someone already registered
    expect(
      (await gql(s.gatewayUrl, LINK, { input: { citizenId: derived, snils: validSnils(108) } }, kcson)).errors?.[0]
        ?.extensions,
    ).toMatchObject({ code: 'CONFLICT', domainCode: 'SNILS_ALREADY_LINKED' });
    expect(
      (
        await gql(
          s.gatewayUrl,
          LINK,
          { input: { citizenId: '6c1b8a56-0000-4000-8000-000000000abc', snils: validSnils(109) } },
          kcson,
        )
      ).errors?.[0]?.extensions,
    ).toMatchObject({ code: 'NOT_FOUND', field: 'input.citizenId' });
    const other = await gql(
      s.gatewayUrl,
      REGISTER,
      {
        input: {
          citizen: { lastName: 'Другой', firstName: 'Пётр', birthDate: '1980-01-01' },
          needs,
          circumstances: [],
        },
      },
      kcson,
    );
    const clash = await gql(
      s.gatewayUrl,
      LINK,
      { input: { citizenId: other.data.registerSocialServiceApplication.citizen.id, snils } },
      kcson,
    );
    expect(clash.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', domainCode: 'CITIZEN_ALREADY_REGISTERED' });
    expect(
      (await gql(s.gatewayUrl, LINK, { input: { citizenId: provisional, snils: '123' } }, kcson)).errors?.[0]
        ?.extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.snils', rule: 'SNILS_FORMAT' });
  });
});
