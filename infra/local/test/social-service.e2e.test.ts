import { ManualClock } from '@sc/kernel';
import { eventually, gql, graphqlClient, SIGNATURE_PNG_BASE64, tokenFor, validSnils } from '@sc/testing';
import { concludeJobSearchContract } from './social-protection.flow';
import { useTestStack } from './test-stack';

/**
 * Seed 000, КЦСОН column («мероприятия КЦСОН после заключения социального
 * контракта»), through the gateway with a SOCIAL_SERVICE token: ЦСПН
 * concludes a contract → КЦСОН opens urgent services and a «Семейный
 * навигатор» case (M5) → delivers services with an act the recipient signs →
 * ЦСПН receives the report (M6) and its programme activities are done.
 */
const clock = new ManualClock('2026-11-23T03:00:00Z');

describe('ЦСПН → КЦСОН → ЦСПН: urgent services and accompaniment for a contract holder, end to end', () => {
  const s = useTestStack({ clock });

  it('КЦСОН opens its cases from the contract, serves with a signed act, and ЦСПН sees the activities done', async () => {
    const sp = await tokenFor('SOCIAL_PROTECTION', ['SPECIALIST'], 'sp-3');
    const kcson = await tokenFor('SOCIAL_SERVICE', ['SPECIALIST'], 'kcson-3');
    const { ok } = graphqlClient(s.gatewayUrl, kcson);
    const { citizenId, contractId } = await concludeJobSearchContract({
      gatewayUrl: s.gatewayUrl,
      clock,
      seed: 7001,
      specialist: sp,
      commissionMember: await tokenFor('SOCIAL_PROTECTION', ['COMMISSION_MEMBER']),
      needs: { socialHelp: true, psychologicalSupport: true },
      activities: [
        {
          kind: 'URGENT_SOCIAL_SERVICES',
          description: 'Набор продуктов и одежда',
          responsibleAgency: 'SOCIAL_SERVICE',
          startDate: '2026-12-01',
          dueDate: '2026-12-31',
        },
        {
          kind: 'PSYCHOLOGICAL_SUPPORT',
          description: 'Семейный навигатор',
          responsibleAgency: 'SOCIAL_SERVICE',
          startDate: '2026-12-01',
          dueDate: '2027-02-28',
        },
        {
          kind: 'EMPLOYMENT',
          description: 'Трудоустройство',
          responsibleAgency: 'EMPLOYMENT',
          startDate: '2027-01-01',
          dueDate: '2027-06-30',
        },
      ],
    });

    // M5 reached КЦСОН: an urgent case awaiting its decision and a «Семейный навигатор» case with ЦСПН's activities
    const mine = await eventually(async () => {
      const c = (
        await ok(
          `query($c: ID!) { citizen(id: $c) { urgentServiceCases { id status channel contractId } accompanimentCases { id programme status contractId activities { activityId kind } } } }`,
          { c: citizenId },
        )
      ).citizen;
      return c.accompanimentCases.length && c.urgentServiceCases.length ? c : undefined;
    });
    expect(mine.urgentServiceCases[0]).toMatchObject({
      status: 'REQUESTED',
      channel: 'SOCIAL_PROTECTION_REQUEST',
      contractId,
    });
    const navigator = mine.accompanimentCases[0];
    expect(navigator).toMatchObject({ programme: 'FAMILY_NAVIGATOR', status: 'APPLIED', contractId });
    expect(navigator.activities.map((a: { kind: string }) => a.kind).sort()).toEqual([
      'PSYCHOLOGICAL_SUPPORT',
      'URGENT_SOCIAL_SERVICES',
    ]);
    // The programme as data (seed 002): its target group and goal, the goal set on the case; a goal of its own.
    const withGoal = (
      await ok(
        `mutation($i: AddAccompanimentGoalInput!) {
          addAccompanimentGoal(input: $i) { family { childrenCount } programmeDefinition { title targetGroup } goals { source text } }
        }`,
        { i: { caseId: navigator.id, text: 'Найти работу с графиком, удобным для семьи' } },
      )
    ).addAccompanimentGoal;
    expect(withGoal).toMatchObject({
      // M5 carries no household: the case opened on ЦСПН's petition, the family not recorded
      family: null,
      programmeDefinition: {
        title: '«Семейный навигатор»',
        targetGroup: expect.stringContaining('социального контракта'),
      },
      goals: [
        { source: 'PROGRAMME', text: expect.stringMatching(/^Повышение уровня и качества жизни/) },
        { source: 'INDIVIDUAL', text: 'Найти работу с графиком, удобным для семьи' },
      ],
    });

    // urgent services with the act the recipient signs
    const urgentId = mine.urgentServiceCases[0].id;
    await ok(`mutation($i: DecideUrgentNeedInput!) { decideUrgentNeed(input: $i) { status } }`, {
      i: { caseId: urgentId, approve: true },
    });
    for (const code of ['FOOD', 'CLOTHING'])
      await ok(`mutation($i: RecordUrgentDeliveryInput!) { recordUrgentServiceDelivery(input: $i) { status } }`, {
        i: { caseId: urgentId, serviceCode: code, quantity: 1, deliveredOn: '2026-12-01' },
      });
    const act = (
      await ok(`mutation($i: IssueUrgentActInput!) { issueUrgentServiceAct(input: $i) { id contentHash } }`, {
        i: { caseId: urgentId },
      })
    ).issueUrgentServiceAct;
    const signed = (
      await ok(`mutation($i: SignUrgentActInput!) { signUrgentServiceAct(input: $i) { signed intact } }`, {
        i: {
          actId: act.id,
          signaturePng: SIGNATURE_PNG_BASE64,
          shownActHash: act.contentHash,
          signerName: 'Лебедева Н.',
        },
      })
    ).signUrgentServiceAct;
    expect(signed).toEqual({ signed: true, intact: true });
    // the psychologist's sessions of «Семейный навигатор»
    const psych = navigator.activities.find((a: { kind: string }) => a.kind === 'PSYCHOLOGICAL_SUPPORT').activityId;
    await ok(`mutation($i: ContractServiceDeliveryInput!) { recordContractServiceDelivery(input: $i) { id } }`, {
      i: {
        caseId: navigator.id,
        code: 'PSY_CONSULT',
        name: 'консультация психолога',
        deliveredOn: '2026-12-01',
        volume: 4,
        unit: 'сеанс',
        psaActivityId: psych,
        completesActivity: true,
      },
    });

    // ЦСПН consumed both M6 reports: its activities are done, with the act referenced
    const contract = await eventually(async () => {
      const r = await gql(
        s.gatewayUrl,
        `query($id: ID!) { socialContract(id: $id) { activities { kind status } partnerEvents { agency kind description } } }`,
        { id: contractId },
        sp,
      );
      const c = r.data?.socialContract;
      // The events and the activities are read by two queries: wait until both show the last report.
      const done = (k: string) =>
        c?.activities.some((a: { kind: string; status: string }) => a.kind === k && a.status === 'DONE');
      return c?.partnerEvents.length === 3 && done('URGENT_SOCIAL_SERVICES') && done('PSYCHOLOGICAL_SUPPORT')
        ? c
        : undefined;
    });
    const status = Object.fromEntries(
      contract.activities.map((a: { kind: string; status: string }) => [a.kind, a.status]),
    );
    expect(status).toMatchObject({
      URGENT_SOCIAL_SERVICES: 'DONE',
      PSYCHOLOGICAL_SUPPORT: 'DONE',
      EMPLOYMENT: 'PLANNED',
    });
    expect(contract.partnerEvents.every((e: { agency: string }) => e.agency === 'SOCIAL_SERVICE')).toBe(true);
    expect(contract.partnerEvents.map((e: { description: string }) => e.description).join(' ')).toContain(
      `акт ${act.id}`,
    );

    // ЦСПН's view of КЦСОН's cases: status yes, the psychologist's evidence no
    const evidence = await gql(
      s.gatewayUrl,
      `query($c: ID!) { citizen(id: $c) { accompanimentCases { programme evidence { kind } } } }`,
      { c: citizenId },
      sp,
    );
    expect(evidence.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  }, 120_000);

  it('runs «Социальный лифт» through the gateway: the institution and the prison service named, each stage dated', async () => {
    const kcson = await tokenFor('SOCIAL_SERVICE', ['SPECIALIST'], 'kcson-lift');
    const { ok, call } = graphqlClient(s.gatewayUrl, kcson);
    clock.set('2026-11-23T03:00:00Z');
    const person = { snils: validSnils(7050), lastName: 'Котов', firstName: 'Илья', birthDate: '1985-05-05' };
    const citizenId = (
      await ok(`mutation($i: RequestUrgentServicesInput!) { requestUrgentServices(input: $i) { citizen { id } } }`, {
        i: {
          citizen: person,
          identityDocument: 'справка об освобождении',
          channel: 'WRITTEN_APPLICATION',
          circumstances: 'освобождается, нет жилья',
          decision: 'APPROVE',
        },
      })
    ).requestUrgentServices.citizen.id;
    const OPEN = `mutation($i: OpenAccompanimentCaseInput!) { openAccompanimentCase(input: $i) { id socialLiftStage } }`;
    const lift = { citizenId, programme: 'SOCIAL_LIFT', grounds: ['LEAVING_PRISON'], appliedOn: '2026-11-23' };
    expect((await call(OPEN, { i: lift })).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.socialLift',
      rule: 'REQUIRED',
    });
    const c = (
      await ok(OPEN, {
        i: {
          ...lift,
          socialLift: { institution: 'ФКУ ИК-15 ГУФСИН России по Иркутской области', expectedReleaseOn: '2026-12-10' },
        },
      })
    ).openAccompanimentCase;
    expect(c.socialLiftStage).toBe('IN_INSTITUTION');
    clock.set('2026-12-11T03:00:00Z');
    const released = (
      await ok(
        `mutation($i: AdvanceSocialLiftStageInput!) {
          advanceSocialLiftStage(input: $i) { socialLiftStage socialLift { institution releasedOn stages { stage startedOn } } }
        }`,
        { i: { caseId: c.id, on: '2026-12-10' } },
      )
    ).advanceSocialLiftStage;
    expect(released).toEqual({
      socialLiftStage: 'RELEASE',
      socialLift: {
        institution: 'ФКУ ИК-15 ГУФСИН России по Иркутской области',
        releasedOn: '2026-12-10',
        stages: [
          { stage: 'IN_INSTITUTION', startedOn: '2026-11-23' },
          { stage: 'RELEASE', startedOn: '2026-12-10' },
        ],
      },
    });
  });
});
