import { referralAcceptedV1, referralOverdueV1, TOPICS } from '@sc/contracts';
import { newEnvelope, toRecord } from '@sc/messaging';
import { ManualClock, uuidv7 } from '@sc/kernel';
import {
  eventually,
  query,
  runJob,
  serviceUnderTest,
  TEST_NEEDS,
  TEST_TERRITORY,
  tokenFor,
  validSnils,
} from '@sc/testing';
import { createSocialServiceServer } from '../src/server';

/**
 * КЦСОН's referral to ЦСПН (M4) left unanswered: two working days later
 * (REFERRAL_ACCEPTANCE_WORKING_DAYS) the specialist who sent it hears it is
 * OVERDUE, and ЦСПН's office HEAD gets it ESCALATED — once, however often
 * the check runs. (No ЦСПН runs here, so nothing accepts the referral.)
 */
describe('КЦСОН referral SLA (component)', () => {
  const clock = new ManualClock('2026-11-30T03:00:00Z'); // Monday, 11:00 in Иркутск
  const sut = serviceUnderTest({
    name: 'social-service',
    create: createSocialServiceServer,
    clock,
    caller: { agency: 'SOCIAL_SERVICE', roles: ['SPECIALIST'], subject: 'kcson-sla' },
  });
  const overdue = async () =>
    (
      await query(sut.db, `select key, payload from outbox_message where type = $1 order by seq`, [
        referralOverdueV1.type,
      ])
    ).map((r) => ({ key: r.key, ...referralOverdueV1.schema.parse(JSON.parse(r.payload)) }));

  it('is overdue for the sender and escalated to the receiver’s HEAD after the acceptance deadline, once', async () => {
    const reg = await sut.ok(
      `mutation($i: RegisterSocialServiceApplicationInput!) { registerSocialServiceApplication(input: $i) { citizen { id } } }`,
      {
        i: {
          citizen: { snils: validSnils(995), lastName: 'Ждущая', firstName: 'Анна', birthDate: '1990-01-01' },
          needs: TEST_NEEDS,
          circumstances: ['NO_WORK_NO_INCOME'],
        },
      },
    );
    const ref = await sut.ok(
      `mutation($i: ReferCitizenForSocialContractInput!) { referCitizenForSocialContract(input: $i) { id } }`,
      { i: { citizenId: reg.registerSocialServiceApplication.citizen.id, basis: 'LOW_INCOME' } },
    );
    const id = ref.referCitizenForSocialContract.id;
    const run = async (at: string) => {
      clock.set(at);
      expect(await runJob(sut.svc, sut.db, 'social-service.referral-sla')).toBe('completed');
    };
    await run('2026-12-02T03:00:00Z'); // Wednesday: the second working day, still in time
    expect(await overdue()).toEqual([]);
    await run('2026-12-03T03:00:00Z');
    await run('2026-12-03T05:00:00Z');
    const sent = await overdue();
    expect(sent.map((n) => [n.stage, n.key, n.recipient])).toEqual([
      ['OVERDUE', 'kcson-sla', { subject: 'kcson-sla', agency: 'SOCIAL_SERVICE' }],
      [
        'ESCALATED',
        `SOCIAL_PROTECTION:HEAD:${TEST_TERRITORY}`,
        { role: 'HEAD', agency: 'SOCIAL_PROTECTION', territory: TEST_TERRITORY },
      ],
    ]);
    expect(sent[0]).toMatchObject({ referralId: id, acceptanceDue: '2026-12-02', toAgency: 'SOCIAL_PROTECTION' });
    // The SLA board (a HEAD): one referral sent in November, its deadline passed unanswered.
    const head = await tokenFor('SOCIAL_SERVICE', ['HEAD'], 'head-kcson');
    const BOARD = `{ socialServiceReferralSla(from: "2026-11", to: "2026-12") {
      pair period sent accepted acceptedOnTime onTimeShare medianDaysToAcceptance p90DaysToAcceptance openBreaches } }`;
    const board = async () => (await sut.call(BOARD, {}, head)).data.socialServiceReferralSla;
    expect(await board()).toEqual([
      {
        pair: 'SOCIAL_SERVICE>SOCIAL_PROTECTION:FOR_CONTRACT',
        period: '2026-11',
        sent: 1,
        accepted: 0,
        acceptedOnTime: 0,
        onTimeShare: 0,
        medianDaysToAcceptance: null,
        p90DaysToAcceptance: null,
        openBreaches: 1,
      },
    ]);
    // ЦСПН answers late (Thursday): accepted, not in time, no breach open.
    await sut.bus.publish([
      toRecord(
        `${sut.prefix}${TOPICS.referrals}`,
        newEnvelope(referralAcceptedV1.type, 'SOCIAL_PROTECTION', reg.registerSocialServiceApplication.citizen.id, {
          referralId: id,
          citizenId: reg.registerSocialServiceApplication.citizen.id,
          senderAgency: 'SOCIAL_SERVICE',
          receiverAgency: 'SOCIAL_PROTECTION',
          receiverCaseId: uuidv7(),
          acceptedAt: '2026-12-03T04:00:00.000Z',
        }),
      ),
    ]);
    await eventually(async () => (await board())[0].accepted === 1);
    expect(await board()).toEqual([
      expect.objectContaining({
        accepted: 1,
        acceptedOnTime: 0,
        onTimeShare: 0,
        medianDaysToAcceptance: 3,
        openBreaches: 0,
      }),
    ]);
    expect((await sut.call(BOARD.replace('"2026-11"', '"2026-13"'), {}, head)).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'from',
    });
    expect((await sut.call(BOARD, {}, sut.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // The sender sees it in their own list; the escalation is kept by ЦСПН, not here.
    const mine = await sut.ok(`{ socialServiceNotifications { edges { node { type text } } } }`);
    expect(mine.socialServiceNotifications.edges.map((e: any) => e.node)).toEqual([
      { type: referralOverdueV1.type, text: 'Ваше направление (FOR_CONTRACT) не принято в срок (2026-12-02)' },
    ]);
  });
});
