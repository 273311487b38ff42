import { ManualClock } from '@sc/kernel';
import { deadlineNotices, eventually, graphqlClient, tokenFor } from '@sc/testing';
import { CAREER_GUIDANCE, concludeEffectivenessAtMeeting, concludeJobSearchContract } from './social-protection.flow';
import { useTestStack } from './test-stack';

const advance = (days: number) => `mutation {
  socialProtection: advanceSocialProtectionClock(input: { days: ${days} }) { today }
  employment: advanceEmploymentClock(input: { days: ${days} }) { today }
  socialService: advanceSocialServiceClock(input: { days: ${days} }) { today }
}`;

/**
 * Issue 13's acceptance walk: a concluded contract taken through its term
 * by nothing but the acceptance clock, moved through the gateway by the
 * organiser's ADMIN token. Each move runs every timed check at once; what
 * fell due shows in the specialist's list and on sc.notifications.v1.
 */
describe('walking a concluded contract to its end and monitoring with the acceptance clock', () => {
  const clock = new ManualClock('2026-11-23T03:00:00Z');
  const s = useTestStack({ clock, acceptanceClock: true });

  it('shows the contract’s deadlines as the clock moves: reports missed, the end near, the evaluation due, a checkpoint missed', async () => {
    const spec = await tokenFor('SOCIAL_PROTECTION', ['SPECIALIST'], 'walk-spec');
    const member = await tokenFor('SOCIAL_PROTECTION', ['COMMISSION_MEMBER'], 'walk-member');
    const admin = await tokenFor('MINISTRY', ['ADMIN'], 'walk-organiser', '25000000');
    const { ok } = graphqlClient(s.gatewayUrl, spec);
    const { contractId } = await concludeJobSearchContract({
      gatewayUrl: s.gatewayUrl,
      clock,
      seed: 1801,
      specialist: spec,
      commissionMember: member,
      activities: [CAREER_GUIDANCE],
    }); // the base clock now stands at 1 December 2026; the contract runs to 31 August 2027
    const sp = s.db['social-protection'];
    const move = async (days: number, today: string) => {
      const r = await ok(advance(days), {}, admin);
      expect(r).toEqual({ socialProtection: { today }, employment: { today }, socialService: { today } });
    };
    const listed = async () =>
      (
        await ok(`{ socialProtectionNotifications(first: 200) { edges { node { text stage dueDate caseId } } } }`)
      ).socialProtectionNotifications.edges
        .map((e: { node: { caseId: string } }) => e.node)
        .filter((n: { caseId: string }) => n.caseId === contractId);
    const onTopic = async () => (await deadlineNotices(sp, contractId)).map((n) => `${n.kind}:${n.stage}`);

    // Nine months on (29 August 2027): the end is near; every monthly report since January is missed.
    await move(271, '2027-08-29');
    await eventually(async () => (await onTopic()).includes('CONTRACT_END:APPROACHING'), 30_000);
    expect(await onTopic()).toEqual(expect.arrayContaining(['MONTHLY_REPORT:MISSED', 'CONTROL_VISIT:MISSED']));
    expect(await listed()).toContainEqual({
      text: 'окончание срока; решение о продлении — с 2027-07-31: срок 2027-08-31 наступает',
      stage: 'APPROACHING',
      dueDate: '2027-08-31',
      caseId: contractId,
    });
    // The term is over (1 September): the specialist ends it on the service's day; the commission concludes.
    await move(3, '2027-09-01');
    const ended = (
      await ok(`mutation($c: ID!) { endSocialContract(input: { contractId: $c }) { status endDate } }`, {
        c: contractId,
      })
    ).endSocialContract;
    expect(ended).toEqual({ status: 'ENDED', endDate: '2027-08-31' });
    // Five months on (29 January 2028): the commission's conclusion on effectiveness is due on the 31st.
    await move(150, '2028-01-29');
    await eventually(async () => (await onTopic()).includes('EFFECTIVENESS_EVALUATION:APPROACHING'), 30_000);
    expect(await listed()).toContainEqual(
      expect.objectContaining({ stage: 'APPROACHING', dueDate: '2028-01-31', caseId: contractId }),
    );
    expect(
      await concludeEffectivenessAtMeeting({
        gatewayUrl: s.gatewayUrl,
        today: '2028-01-29',
        contractId,
        specialist: spec,
        commissionMember: member,
        admin,
        householdIncomeAfterKopecks: 5_500_000,
        householdMembersAfter: 2,
        conclusion: 'доход выше ПМ, но трудоустройство ЦЗН не подтверждено',
      }),
    ).toBe('EVALUATED_INEFFECTIVE');
    await ok(`mutation($c: ID!) { startPostMonitoring(input: { contractId: $c }) { status } }`, { c: contractId });

    // Monitoring runs from the end of the term: its first checkpoint (30 November 2027) is missed by now.
    await move(1, '2028-01-30');
    await eventually(async () => (await onTopic()).includes('POST_MONITORING_CHECKPOINT:MISSED'), 30_000);
    expect(await listed()).toContainEqual(
      expect.objectContaining({ stage: 'MISSED', dueDate: '2027-11-30', caseId: contractId }),
    );
    // However often the checks ran, each (deadline, day, stage) was announced once.
    const kinds = await onTopic();
    expect(kinds.filter((k) => k === 'CONTRACT_END:APPROACHING')).toHaveLength(1);
  }, 180_000);
});
