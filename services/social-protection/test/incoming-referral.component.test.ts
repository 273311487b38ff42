import { referralForContractV1, referralOverdueV1, TOPICS, type MessageData } from '@sc/contracts';
import { deriveCitizenId, uuidv7 } from '@sc/kernel';
import { newEnvelope, toRecord } from '@sc/messaging';
import { DEV_CITIZEN_ID_SECRET } from '@sc/subgraph-kit';
import { count, eventually, gql, query, TEST_TERRITORY, tokenFor, validSnils, serviceUnderTest } from '@sc/testing';
import { createSocialProtectionServer } from '../src/server';

const needs = {
  socialHelp: true,
  psychologicalSupport: false,
  employmentHelp: true,
  vocationalTraining: true,
  financialLiteracy: false,
};

describe('ЦСПН subgraph (component, real PostgreSQL and Kafka-protocol broker)', () => {
  const sut = serviceUnderTest({
    name: 'social-protection',
    create: createSocialProtectionServer,
    caller: { agency: 'SOCIAL_PROTECTION' },
  });

  const referral = (
    seed: number,
    over: Partial<MessageData<typeof referralForContractV1>> = {},
  ): MessageData<typeof referralForContractV1> => ({
    referralId: uuidv7(),
    citizenId: deriveCitizenId(validSnils(seed), DEV_CITIZEN_ID_SECRET),
    fromAgency: 'SOCIAL_SERVICE',
    toAgency: 'SOCIAL_PROTECTION',
    senderCaseId: uuidv7(),
    basis: 'LOW_INCOME',
    person: { snils: validSnils(seed), lastName: 'Сидорова', firstName: 'Анна', birthDate: '1985-07-01' },
    needs,
    sentAt: new Date().toISOString(),
    territory: TEST_TERRITORY,
    ...over,
  });
  const deliver = (d: MessageData<typeof referralForContractV1>) =>
    sut.bus.publish([
      toRecord(
        `${sut.prefix}${TOPICS.referrals}`,
        newEnvelope(referralForContractV1.type, 'SOCIAL_SERVICE', d.citizenId, d),
      ),
    ]);

  it('opens a registered application from an M4 referral and stages the acceptance reply in the same commit', async () => {
    const d = referral(201);
    await deliver(d);
    const [app] = await eventually(async () => {
      const rows = await query(sut.db, 'select * from sc_application where citizen_id = $1', [d.citizenId]);
      return rows.length ? rows : undefined;
    });
    expect(app).toMatchObject({
      status: 'REGISTERED',
      channel: 'REFERRAL_FROM_SOCIAL_SERVICE',
      needs,
      identification_source: 'SOCIAL_SERVICE_INSTITUTION',
      identification_organisation: null,
    });
    // The office's HEAD hears of it: on the topic and in their list (nobody is assigned yet).
    const head = await tokenFor('SOCIAL_PROTECTION', ['HEAD'], 'head-irkutsk');
    const list = await eventually(async () => {
      const r = await gql(
        sut.url,
        `{ socialProtectionNotifications { edges { node { type text caseType caseId territory } } } }`,
        {},
        head,
      );
      const n = r.data?.socialProtectionNotifications.edges.map((e: any) => e.node) ?? [];
      return n.some((x: any) => x.caseId === app.id) ? n : undefined;
    });
    expect(list.find((x: any) => x.caseId === app.id)).toEqual({
      type: 'notification.referral-received.v1',
      text: 'Получено направление (FOR_CONTRACT) — дело ScApplication ждёт назначения ответственного',
      caseType: 'ScApplication',
      caseId: app.id,
      territory: TEST_TERRITORY,
    });
    const [reply] = await query(
      sut.db,
      `select headers, payload from outbox_message where type = 'referral.accepted.v1' and key = $1`,
      [d.citizenId],
    );
    expect(JSON.parse(reply.payload)).toMatchObject({
      referralId: d.referralId,
      receiverCaseId: app.id,
      senderAgency: 'SOCIAL_SERVICE',
      receiverAgency: 'SOCIAL_PROTECTION',
    });
    expect(reply.headers).toMatchObject({ ce_source: '/agencies/social-protection', ce_subject: d.citizenId });
    expect(
      await count(sut.db, 'audit_log', `citizen_id = $1 and subject = 'system:incoming-referrals'`, [d.citizenId]),
    ).toBe(1);
  });

  it('opens a case from a referral that names no territory in the region queue, seen by region staff only', async () => {
    const d = referral(231, { territory: undefined });
    await deliver(d);
    const [app] = await eventually(async () => {
      const rows = await query(sut.db, 'select id, territory from sc_application where citizen_id = $1', [d.citizenId]);
      return rows.length ? rows : undefined;
    });
    expect(app.territory).toBe('25000000');
    const q = `query($id: ID!) { scApplication(id: $id) { id territory } }`;
    const district = await gql(sut.url, q, { id: app.id }, sut.token);
    expect(district.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'TERRITORY' });
    const region = await tokenFor('SOCIAL_PROTECTION', ['HEAD'], 'sp-region', '25000000');
    expect((await gql(sut.url, q, { id: app.id }, region)).data.scApplication).toEqual({
      id: app.id,
      territory: '25000000',
    });
  });

  it('attaches a second referral for the same citizen to the open application instead of opening another', async () => {
    const first = referral(202);
    await deliver(first);
    await eventually(
      async () => (await count(sut.db, 'incoming_referral', 'citizen_id = $1', [first.citizenId])) === 1,
    );
    await deliver(referral(202, { fromAgency: 'EMPLOYMENT' }));
    await eventually(
      async () => (await count(sut.db, 'incoming_referral', 'citizen_id = $1', [first.citizenId])) === 2,
    );
    expect(await count(sut.db, 'sc_application', 'citizen_id = $1', [first.citizenId])).toBe(1);
  });

  it('writes a consumer batch of referrals with one INSERT per table; a citizen twice in a batch has one application', async () => {
    // Statement-level triggers count the INSERT statements on each table and the rows each carried.
    await query(sut.db, 'create table insert_count (id serial, tbl text, rows int)');
    await query(
      sut.db,
      `create function count_inserts() returns trigger language plpgsql as $$
       begin insert into insert_count (tbl, rows) select tg_table_name, count(*) from new_rows; return null; end $$`,
    );
    for (const t of ['citizen', 'sc_application', 'incoming_referral'])
      await query(
        sut.db,
        `create trigger ${t}_insert_count after insert on ${t} referencing new table as new_rows
         for each statement execute function count_inserts()`,
      );
    let offset = 0;
    const batch = (ds: MessageData<typeof referralForContractV1>[]) =>
      sut.svc.consumer.processBatch(
        ds.map((d) => ({
          ...toRecord(
            `${sut.prefix}${TOPICS.referrals}`,
            newEnvelope(referralForContractV1.type, 'SOCIAL_SERVICE', d.citizenId, d),
          ),
          partition: 0,
          offset: String(offset++),
        })),
      );
    const inserts = () =>
      query<{ tbl: string; rows: number }>(sut.db, 'select tbl, rows from insert_count order by tbl, id');

    const eight = Array.from({ length: 8 }, (_, i) => referral(410 + i));
    await batch(eight);
    expect(await inserts()).toEqual([
      { tbl: 'citizen', rows: 8 },
      { tbl: 'incoming_referral', rows: 8 },
      { tbl: 'sc_application', rows: 8 },
    ]);
    // Each referral joined its own citizen's new application.
    const joined = await query<{ n: number }>(
      sut.db,
      `select count(*)::int as n from incoming_referral r join sc_application a on a.id = r.application_id
       where r.id = any($1) and a.citizen_id = r.citizen_id`,
      [eight.map((d) => d.referralId)],
    );
    expect(joined).toEqual([{ n: 8 }]);

    // The same person twice in one batch: the second finds the first's application (one, not two).
    const [a, b] = [referral(430), referral(430, { fromAgency: 'EMPLOYMENT' })];
    await batch([a, b]);
    expect(await count(sut.db, 'sc_application', 'citizen_id = $1', [a.citizenId])).toBe(1);
    expect(
      await query(
        sut.db,
        'select count(distinct application_id)::int as apps, count(*)::int as n from incoming_referral where citizen_id = $1',
        [a.citizenId],
      ),
    ).toEqual([{ apps: 1, n: 2 }]);
  });

  it('dead-letters a referral whose citizen key does not match its СНИЛС (misconfigured sender) and writes nothing else', async () => {
    const d = referral(203, { citizenId: '6c1b8a56-0000-8000-8000-0000000000aa' });
    await deliver(d);
    const [dead] = await eventually(async () => {
      const rows = await query(sut.db, `select error_code, error from dead_letter where key = $1`, [d.citizenId]);
      return rows.length ? rows : undefined;
    });
    expect(dead.error_code).toBe('CITIZEN_KEY_MISMATCH');
    expect(await count(sut.db, 'citizen', 'id = $1', [d.citizenId])).toBe(0);
    expect(await count(sut.db, 'incoming_referral', 'id = $1', [d.referralId])).toBe(0);
  });

  it('serves the referral queue to ЦСПН and refuses it to other agencies; bad arguments are BAD_USER_INPUT', async () => {
    const q = `query Q($first: Int) { incomingReferrals(filter: { status: [ACCEPTED] }, first: $first) {
      totalCount edges { node { id fromAgency status application { status } } } } }`;
    const ok = await gql(sut.url, q, { first: 10 }, sut.token);
    expect(ok.errors).toBeUndefined();
    expect(ok.data.incomingReferrals.totalCount).toBeGreaterThanOrEqual(3);
    expect(ok.data.incomingReferrals.edges[0].node).toMatchObject({
      status: 'ACCEPTED',
      application: { status: 'REGISTERED' },
    });
    const other = await gql(sut.url, q, { first: 10 }, await tokenFor('SOCIAL_SERVICE'));
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const bad = await gql(sut.url, q, { first: 0 }, sut.token);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first', rule: 'RANGE' });
  });

  it('resolves Citizen entities with ЦСПН fields; an unknown key resolves to empty fields', async () => {
    const citizenId = deriveCitizenId(validSnils(201), DEV_CITIZEN_ID_SECRET);
    const r = await gql(
      sut.url,
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Citizen { id socialProtectionProfile { lastName snilsMasked } contractApplications { status channel } } } }`,
      {
        reps: [
          { __typename: 'Citizen', id: citizenId },
          { __typename: 'Citizen', id: '6c1b8a56-0000-8000-8000-0000000000bb' },
        ],
      },
      sut.token,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data._entities).toEqual([
      {
        id: citizenId,
        socialProtectionProfile: { lastName: 'Сидорова', snilsMasked: `***-***-*** ${validSnils(201).slice(9)}` },
        contractApplications: [{ status: 'REGISTERED', channel: 'REFERRAL_FROM_SOCIAL_SERVICE' }],
      },
      { id: '6c1b8a56-0000-8000-8000-0000000000bb', socialProtectionProfile: null, contractApplications: [] },
    ]);
  });

  it('keeps another agency’s escalation of an overdue referral in the office HEAD’s list (once)', async () => {
    const d = {
      notificationId: uuidv7(),
      recipient: { role: 'HEAD' as const, agency: 'SOCIAL_PROTECTION' as const, territory: TEST_TERRITORY },
      stage: 'ESCALATED' as const,
      referralId: uuidv7(),
      referralType: 'FOR_CONTRACT',
      fromAgency: 'SOCIAL_SERVICE' as const,
      toAgency: 'SOCIAL_PROTECTION' as const,
      territory: TEST_TERRITORY,
      sentAt: '2026-11-27T03:00:00.000Z',
      acceptanceDue: '2026-12-01',
      detectedAt: '2026-12-02T01:00:00.000Z',
    };
    const rec = toRecord(
      `${sut.prefix}${TOPICS.notifications}`,
      newEnvelope(referralOverdueV1.type, 'SOCIAL_SERVICE', `SOCIAL_PROTECTION:HEAD:${TEST_TERRITORY}`, d),
    );
    await sut.bus.publish([rec, rec]);
    const head = await tokenFor('SOCIAL_PROTECTION', ['HEAD'], 'head-irkutsk');
    const list = await eventually(async () => {
      const r = await gql(sut.url, `{ socialProtectionNotifications { edges { node { id type text } } } }`, {}, head);
      const n = (r.data?.socialProtectionNotifications.edges ?? []).map((e: any) => e.node);
      return n.some((x: any) => x.id === d.notificationId) ? n : undefined;
    });
    expect(list.filter((x: any) => x.id === d.notificationId)).toEqual([
      {
        id: d.notificationId,
        type: 'notification.referral-overdue.v1',
        text: 'Направление (FOR_CONTRACT) из другого ведомства не принято в срок (2026-12-01): примите его',
      },
    ]);
  });

  it('refuses a direct call without a valid token (HTTP 401)', async () => {
    const r = await gql(sut.url, '{ __typename }', {}, 'Bearer.garbage');
    expect(r.status).toBe(401);
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
