import { ManualClock } from '@sc/kernel';
import { eventually, graphqlClient, query, runJob, SIGNATURE_PNG_BASE64, TEST_TERRITORY, tokenFor } from '@sc/testing';
import { referFromSocialService, registerJobSeeker } from './partner.flow';
import { submitApplication } from './social-protection.flow';
import { useTestStack } from './test-stack';

const SENT = `id status type toAgency receiverCaseId acceptanceDueOn resultDueOn inServiceAt resultAt outcome
  resultSummary expiredAt returnReason breach`;
const SP_SENT = `query($f: SocialProtectionReferralFilter) {
  socialProtectionOutgoingReferrals(filter: $f) { totalCount edges { node { ${SENT} application { id } } } } }`;
const KCSON_IN = `{ socialServiceIncomingReferrals { edges { node {
  id status appearanceDueOn inServiceAt resultAt outcome returnReason citizen { id } urgentCase { id status channel } } } } }`;
const CZN_IN = `{ employmentIncomingReferrals { edges { node {
  id status appearanceDueOn expiredAt registration { id } } } } }`;
const URGENT = `mutation($i: ReferCitizenForUrgentServicesInput!) { referCitizenForUrgentServices(input: $i) { ${SENT} } }`;
const BOARD = `query($from: String!, $to: String!) { socialProtectionReferralSla(from: $from, to: $to) {
  pair period sent accepted resulted resultOnTime resultOnTimeShare medianDaysToResult expired returned
  openBreaches openResultBreaches } }`;

/**
 * Every step of a referral between agencies as its two copies see it
 * (DOMAIN.md §4.4, seed 000), through the gateway and the broker with the
 * services' clock held by the test: ЦСПН → КЦСОН for urgent services and
 * accompaniment to its result, ЦСПН → ЦЗН (M1) left to expire, КЦСОН → ЦСПН
 * (M4) returned, and a result that comes late escalated to the receiving
 * office's HEAD and shown as breached on the referral and the SLA board.
 */
describe('referral lifecycle between agencies, end to end (issue 13)', () => {
  const clock = new ManualClock('2026-11-23T03:00:00Z'); // Monday 23 November, 11:00 in Иркутск
  const s = useTestStack({ clock });
  const tokens = {} as Record<'sp' | 'spHead' | 'kcson' | 'kcsonHead' | 'czn', string>;
  const sp = () => graphqlClient(s.gatewayUrl, tokens.sp);

  beforeAll(async () => {
    tokens.sp = await tokenFor('SOCIAL_PROTECTION', ['SPECIALIST'], 'cspn-spec');
    tokens.spHead = await tokenFor('SOCIAL_PROTECTION', ['HEAD'], 'cspn-head');
    tokens.kcson = await tokenFor('SOCIAL_SERVICE', ['SPECIALIST'], 'kcson-spec');
    tokens.kcsonHead = await tokenFor('SOCIAL_SERVICE', ['HEAD'], 'kcson-head');
    tokens.czn = await tokenFor('EMPLOYMENT', ['SPECIALIST'], 'czn-spec');
  });

  const sentReferral = async (id: string) =>
    (await sp().ok(SP_SENT)).socialProtectionOutgoingReferrals.edges
      .map((e: { node: { id: string } }) => e.node)
      .find((n: { id: string }) => n.id === id);
  const untilSent = (id: string, ok: (r: Record<string, unknown>) => boolean) =>
    eventually(async () => {
      const r = await sentReferral(id);
      return r && ok(r) ? r : undefined;
    });

  it('ЦСПН → КЦСОН: an urgent case opens for it, the citizen comes, the services provided go back as its result', async () => {
    clock.set('2026-11-23T03:00:00Z');
    const app = await submitApplication({ gatewayUrl: s.gatewayUrl, seed: 1701, specialist: tokens.sp });
    const sent = (await sp().ok(URGENT, { i: { applicationId: app.id, basis: 'HARDSHIP', comment: 'нет продуктов' } }))
      .referCitizenForUrgentServices;
    // Deadlines fixed when sent (defaults: 1 working day to accept, 5 to answer).
    expect(sent).toMatchObject({
      status: 'SENT',
      type: 'FOR_URGENT_AND_ACCOMPANIMENT',
      toAgency: 'SOCIAL_SERVICE',
      acceptanceDueOn: '2026-11-24',
      resultDueOn: '2026-11-30',
      breach: null,
    });
    // КЦСОН: accepted on receipt, an urgent case waits for the citizen; the office's HEAD hears of it.
    const kcson = graphqlClient(s.gatewayUrl, tokens.kcson);
    const received = await eventually(async () =>
      (await kcson.ok(KCSON_IN)).socialServiceIncomingReferrals.edges
        .map((e: { node: { id: string } }) => e.node)
        .find((n: { id: string }) => n.id === sent.id),
    );
    expect(received).toMatchObject({
      status: 'ACCEPTED',
      appearanceDueOn: '2026-11-30',
      citizen: { id: app.citizen.id },
      urgentCase: { status: 'REQUESTED', channel: 'SOCIAL_PROTECTION_REQUEST' },
    });
    const urgentId = received.urgentCase.id;
    const heads = await kcson.ok(
      `{ socialServiceNotifications { edges { node { type caseId } } } }`,
      {},
      tokens.kcsonHead,
    );
    expect(heads.socialServiceNotifications.edges.map((e: { node: unknown }) => e.node)).toContainEqual({
      type: 'notification.referral-received.v1',
      caseId: urgentId,
    });
    await untilSent(sent.id, (r) => r.status === 'ACCEPTED' && r.receiverCaseId === urgentId);
    // A second while this one is open (its reply applied, so the check sees no other write): CONFLICT naming the rule, nothing written.
    const again = await graphqlClient(s.gatewayUrl, tokens.sp, s.db['social-protection']).refused(
      URGENT,
      { i: { applicationId: app.id, basis: 'HARDSHIP' } },
      tokens.sp,
      ['outgoing_referral'],
    );
    expect(again).toMatchObject({ code: 'CONFLICT', rule: 'ONE_OPEN_REFERRAL_PER_TYPE', referralId: sent.id });

    // The citizen comes (Tuesday): the need is decided → IN_SERVICE on both sides.
    clock.set('2026-11-24T03:00:00Z');
    await kcson.ok(`mutation($i: DecideUrgentNeedInput!) { decideUrgentNeed(input: $i) { status } }`, {
      i: { caseId: urgentId, approve: true },
    });
    await untilSent(sent.id, (r) => r.status === 'IN_SERVICE' && r.inServiceAt === '2026-11-24T03:00:00.000Z');
    // Returning it now is too late: the citizen came (CONFLICT, the referral's state named).
    const late = await kcson.call(
      `mutation($i: ReturnSocialServiceIncomingReferralInput!) { returnSocialServiceIncomingReferral(input: $i) { id } }`,
      { i: { referralId: sent.id, reason: 'не наш район' } },
    );
    expect(late.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentState: 'IN_SERVICE' });

    // Services delivered, the act signed (Wednesday): the result goes back; ЦСПН's copy is CLOSED.
    clock.set('2026-11-25T03:00:00Z');
    await kcson.ok(`mutation($i: RecordUrgentDeliveryInput!) { recordUrgentServiceDelivery(input: $i) { status } }`, {
      i: { caseId: urgentId, serviceCode: 'FOOD', quantity: 1, deliveredOn: '2026-11-25' },
    });
    const act = (
      await kcson.ok(`mutation($i: IssueUrgentActInput!) { issueUrgentServiceAct(input: $i) { id contentHash } }`, {
        i: { caseId: urgentId },
      })
    ).issueUrgentServiceAct;
    await kcson.ok(`mutation($i: SignUrgentActInput!) { signUrgentServiceAct(input: $i) { signed } }`, {
      i: {
        actId: act.id,
        signaturePng: SIGNATURE_PNG_BASE64,
        shownActHash: act.contentHash,
        signerName: 'Лебедева Н.',
      },
    });
    const closed = await untilSent(sent.id, (r) => r.status === 'CLOSED');
    expect(closed).toMatchObject({
      outcome: 'SERVICES_PROVIDED',
      resultSummary: 'срочные социальные услуги оказаны',
      resultAt: '2026-11-25T03:00:00.000Z',
      breach: null,
    });
    const mine = (await kcson.ok(KCSON_IN)).socialServiceIncomingReferrals.edges.find(
      (e: { node: { id: string } }) => e.node.id === sent.id,
    ).node;
    expect(mine).toMatchObject({ status: 'RESULT_SENT', outcome: 'SERVICES_PROVIDED' });

    // The board of ЦСПН's referrals (a HEAD): one sent in November, answered in 2 days, in time.
    const board = (await sp().ok(BOARD, { from: '2026-11', to: '2026-11' }, tokens.spHead)).socialProtectionReferralSla;
    expect(board).toContainEqual(
      expect.objectContaining({
        pair: 'SOCIAL_PROTECTION>SOCIAL_SERVICE:FOR_URGENT_AND_ACCOMPANIMENT',
        sent: 1,
        accepted: 1,
        resulted: 1,
        resultOnTime: 1,
        resultOnTimeShare: 1,
        medianDaysToResult: 2,
        openResultBreaches: 0,
      }),
    );
  });

  it('ЦСПН → ЦЗН (M1): ЦСПН keeps its copy, ЦЗН accepts it; when the citizen does not come it expires on both sides', async () => {
    clock.set('2026-11-23T03:00:00Z');
    const app = await submitApplication({ gatewayUrl: s.gatewayUrl, seed: 1702, specialist: tokens.sp });
    await sp().ok(`mutation($id: ID!) { referCitizenToEmploymentCentre(input: { applicationId: $id }) { id } }`, {
      id: app.id,
    });
    const [mine] = (
      await sp().ok(`query($id: ID!) { scApplication(id: $id) { sentReferrals { ${SENT} } } }`, {
        id: app.id,
      })
    ).scApplication.sentReferrals;
    expect(mine).toMatchObject({ type: 'FOR_EMPLOYMENT_SERVICES', toAgency: 'EMPLOYMENT', status: 'SENT' });
    await untilSent(mine.id, (r) => r.status === 'ACCEPTED'); // ЦЗН's reply to M1, consumed by ЦСПН
    const czn = graphqlClient(s.gatewayUrl, tokens.czn);
    const theirs = async () =>
      (await czn.ok(CZN_IN)).employmentIncomingReferrals.edges.find(
        (e: { node: { id: string } }) => e.node.id === mine.id,
      )?.node;
    expect(await eventually(theirs)).toMatchObject({
      status: 'ACCEPTED',
      appearanceDueOn: '2026-12-07',
      registration: null,
    });

    // The last day to come is Monday 7 December: still waiting then; expired from the next day, once.
    const expire = async (at: string) => {
      clock.set(at);
      expect(await runJob(s.services.employment, s.db.employment, 'employment.referral-expiry')).toBe('completed');
    };
    await expire('2026-12-07T03:00:00Z');
    expect((await theirs()).status).toBe('ACCEPTED');
    await expire('2026-12-08T03:00:00Z');
    await expire('2026-12-08T05:00:00Z');
    expect(await theirs()).toMatchObject({ status: 'EXPIRED', expiredAt: '2026-12-08T03:00:00.000Z' });
    await untilSent(mine.id, (r) => r.status === 'EXPIRED' && r.expiredAt === '2026-12-08T03:00:00.000Z');
    const expired = await query(s.db.employment, `select count(*)::int n from outbox_message where type = $1`, [
      'referral.expired.v1',
    ]);
    expect(expired[0].n).toBe(1);
  });

  it('ЦСПН → ЦЗН (M1) for a job seeker already registered: the registration serves it at once', async () => {
    clock.set('2026-11-23T03:00:00Z');
    const czn = graphqlClient(s.gatewayUrl, tokens.czn);
    const reg = await registerJobSeeker({
      gatewayUrl: s.gatewayUrl,
      token: tokens.czn,
      seed: 1706,
      lastName: 'Лебедева',
      firstName: 'Нина',
      birthDate: '1987-03-03',
    });
    const app = await submitApplication({ gatewayUrl: s.gatewayUrl, seed: 1706, specialist: tokens.sp });
    await sp().ok(`mutation($id: ID!) { referCitizenToEmploymentCentre(input: { applicationId: $id }) { id } }`, {
      id: app.id,
    });
    const [m1] = (await sp().ok(`query($id: ID!) { scApplication(id: $id) { sentReferrals { id } } }`, { id: app.id }))
      .scApplication.sentReferrals;
    await untilSent(m1.id, (r) => r.status === 'IN_SERVICE' && r.receiverCaseId === reg.id);
    const theirs = (await czn.ok(CZN_IN)).employmentIncomingReferrals.edges.find(
      (e: { node: { id: string } }) => e.node.id === m1.id,
    ).node;
    expect(theirs).toMatchObject({ status: 'IN_SERVICE', registration: { id: reg.id } });
  });

  it('КЦСОН → ЦСПН (M4): ЦСПН returns it with a reason; the application nobody came to closes; КЦСОН sees why', async () => {
    clock.set('2026-11-23T03:00:00Z');
    const kcson = graphqlClient(s.gatewayUrl, tokens.kcson);
    const { referralId } = await referFromSocialService({
      gatewayUrl: s.gatewayUrl,
      token: tokens.kcson,
      seed: 1704,
      lastName: 'Возвратова',
      firstName: 'Ольга',
      birthDate: '1985-05-05',
    });
    const ref = { id: referralId };
    const incoming = `{ incomingReferrals { edges { node { id status appearanceDueOn returnReason returnedBy application { id status } } } } }`;
    const atSp = async () =>
      (await sp().ok(incoming)).incomingReferrals.edges.find((e: { node: { id: string } }) => e.node.id === ref.id)
        ?.node;
    expect(await eventually(atSp)).toMatchObject({ status: 'ACCEPTED', application: { status: 'REGISTERED' } });

    const RETURN = `mutation($i: ReturnIncomingReferralInput!) { returnIncomingReferral(input: $i) { status returnReason } }`;
    const client = graphqlClient(s.gatewayUrl, tokens.sp, s.db['social-protection']);
    // A reason is required; an unknown referral is NOT_FOUND; nothing is written either way.
    expect(
      await client.refused(RETURN, { i: { referralId: ref.id, reason: '   ' } }, tokens.sp, ['incoming_referral']),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.reason',
    });
    expect(
      await client.refused(
        RETURN,
        { i: { referralId: '01a22c88-0000-7000-8000-000000000000', reason: 'x' } },
        tokens.sp,
        ['incoming_referral'],
      ),
    ).toMatchObject({ code: 'NOT_FOUND', field: 'input.referralId' });
    expect(
      (await sp().ok(RETURN, { i: { referralId: ref.id, reason: 'гражданин живёт в другом районе' } }))
        .returnIncomingReferral,
    ).toEqual({ status: 'RETURNED', returnReason: 'гражданин живёт в другом районе' });
    expect(await atSp()).toMatchObject({ returnedBy: 'cspn-spec', application: { status: 'WITHDRAWN' } });
    const back = await eventually(async () => {
      const r = (
        await kcson.ok(`query($id: ID!) { socialServiceReferral(id: $id) { status returnReason breach } }`, {
          id: ref.id,
        })
      ).socialServiceReferral;
      return r.status === 'RETURNED' ? r : undefined;
    });
    expect(back).toEqual({ status: 'RETURNED', returnReason: 'гражданин живёт в другом районе', breach: null });
  });

  it('ЦЗН and КЦСОН return ЦСПН’s referrals with a reason; КЦСОН refuses the urgent case it had opened', async () => {
    clock.set('2026-11-23T03:00:00Z');
    const app = await submitApplication({ gatewayUrl: s.gatewayUrl, seed: 1705, specialist: tokens.sp });
    const urgent = (await sp().ok(URGENT, { i: { applicationId: app.id, basis: 'OTHER' } }))
      .referCitizenForUrgentServices;
    await sp().ok(`mutation($id: ID!) { referCitizenToEmploymentCentre(input: { applicationId: $id }) { id } }`, {
      id: app.id,
    });
    const m1 = (
      await sp().ok(`query($id: ID!) { scApplication(id: $id) { sentReferrals { id type } } }`, { id: app.id })
    ).scApplication.sentReferrals.find((r: { type: string }) => r.type === 'FOR_EMPLOYMENT_SERVICES');
    await untilSent(urgent.id, (r) => r.status === 'ACCEPTED');
    await untilSent(m1.id, (r) => r.status === 'ACCEPTED');
    const kcson = graphqlClient(s.gatewayUrl, tokens.kcson);
    expect(
      (
        await kcson.ok(
          `mutation($i: ReturnSocialServiceIncomingReferralInput!) {
            returnSocialServiceIncomingReferral(input: $i) { status returnReason urgentCase { status } } }`,
          { i: { referralId: urgent.id, reason: 'гражданин обслуживается другим КЦСОН' } },
        )
      ).returnSocialServiceIncomingReferral,
    ).toEqual({
      status: 'RETURNED',
      returnReason: 'гражданин обслуживается другим КЦСОН',
      urgentCase: { status: 'REFUSED' },
    });
    const czn = graphqlClient(s.gatewayUrl, tokens.czn);
    expect(
      (
        await czn.ok(
          `mutation($i: ReturnEmploymentIncomingReferralInput!) { returnEmploymentIncomingReferral(input: $i) { status returnedBy } }`,
          { i: { referralId: m1.id, reason: 'не тот ЦЗН' } },
        )
      ).returnEmploymentIncomingReferral,
    ).toEqual({ status: 'RETURNED', returnedBy: 'czn-spec' });
    // Another agency's specialist cannot return it (the referral is not theirs to see).
    const foreign = await czn.call(
      `mutation($i: ReturnEmploymentIncomingReferralInput!) { returnEmploymentIncomingReferral(input: $i) { status } }`,
      { i: { referralId: m1.id, reason: 'x' } },
      tokens.kcson,
    );
    expect(foreign.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await untilSent(
      urgent.id,
      (r) => r.status === 'RETURNED' && r.returnReason === 'гражданин обслуживается другим КЦСОН',
    );
    await untilSent(m1.id, (r) => r.status === 'RETURNED' && r.returnReason === 'не тот ЦЗН');
  });

  it('a result that does not come in time: breached on the referral, OVERDUE to the sender, ESCALATED to the receiving HEAD', async () => {
    clock.set('2026-11-23T03:00:00Z');
    const app = await submitApplication({ gatewayUrl: s.gatewayUrl, seed: 1703, specialist: tokens.sp });
    const sent = (await sp().ok(URGENT, { i: { applicationId: app.id, basis: 'HARDSHIP' } }))
      .referCitizenForUrgentServices;
    await untilSent(sent.id, (r) => r.status === 'ACCEPTED');
    // The result was due on Monday 30 November; on Tuesday nothing has come.
    clock.set('2026-12-01T03:00:00Z');
    expect(
      await runJob(s.services['social-protection'], s.db['social-protection'], 'social-protection.referral-sla'),
    ).toBe('completed');
    expect(await sentReferral(sent.id)).toMatchObject({ status: 'ACCEPTED', breach: 'RESULT' });
    const own = await sp().ok(`{ socialProtectionNotifications { edges { node { type stage caseId text } } } }`);
    expect(own.socialProtectionNotifications.edges.map((e: { node: unknown }) => e.node)).toContainEqual({
      type: 'notification.referral-overdue.v1',
      stage: 'OVERDUE',
      caseId: sent.id,
      text: 'По вашему направлению (FOR_URGENT_AND_ACCOMPANIMENT) нет результата в срок (2026-11-30)',
    });
    // КЦСОН keeps the escalation for its office HEAD (the receiving office: the case's territory).
    const kcsonHead = graphqlClient(s.gatewayUrl, tokens.kcsonHead);
    const escalated = await eventually(async () =>
      (
        await kcsonHead.ok(
          `{ socialServiceNotifications { edges { node { type stage text dueDate caseId territory } } } }`,
        )
      ).socialServiceNotifications.edges
        .map((e: { node: { caseId: string } }) => e.node)
        .find((n: { caseId: string }) => n.caseId === sent.id),
    );
    expect(escalated).toEqual({
      type: 'notification.referral-overdue.v1',
      stage: 'ESCALATED',
      text: 'По направлению (FOR_URGENT_AND_ACCOMPANIMENT) из другого ведомства нет результата в срок (2026-11-30): сообщите его',
      dueDate: '2026-11-30',
      caseId: sent.id,
      territory: TEST_TERRITORY,
    });
    const board = (await sp().ok(BOARD, { from: '2026-11', to: '2026-11' }, tokens.spHead)).socialProtectionReferralSla;
    const urgentRow = board.find((r: { pair: string }) => r.pair.endsWith('FOR_URGENT_AND_ACCOMPANIMENT'));
    expect(urgentRow).toMatchObject({ openResultBreaches: 1 });
  });
});
