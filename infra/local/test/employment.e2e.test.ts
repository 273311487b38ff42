import { ManualClock } from '@sc/kernel';
import { eventually, gql, graphqlClient, tokenFor, validSnils } from '@sc/testing';
import { concludeJobSearchContract } from './social-protection.flow';
import { useTestStack } from './test-stack';

/**
 * Seed 000, ЦЗН column («мероприятия ЦЗН после заключения социального
 * контракта»), through the gateway with an EMPLOYMENT token: ЦСПН concludes a
 * job-search contract → ЦЗН receives it (M2), assigns the category, opens the
 * services → registers the citizen, agrees a plan, refers to training within
 * the cap, delivers services, confirms employment, each reported (M3) →
 * ЦСПН sees the activities done and the payments released.
 */
const clock = new ManualClock('2026-11-23T03:00:00Z');
const at = (d: string) => clock.set(`${d}T03:00:00Z`);

describe('ЦСПН → ЦЗН → ЦСПН: a job-search contract served by the employment centre, end to end', () => {
  const s = useTestStack({ clock });

  it('ЦЗН picks up the contract, serves the citizen, and ЦСПН’s programme and payments follow', async () => {
    const sp = await tokenFor('SOCIAL_PROTECTION', ['SPECIALIST'], 'sp-2');
    const czn = await tokenFor('EMPLOYMENT', ['SPECIALIST'], 'czn-2');
    const { ok } = graphqlClient(s.gatewayUrl, czn);
    const { citizenId, contractId } = await concludeJobSearchContract({
      gatewayUrl: s.gatewayUrl,
      clock,
      seed: 6001,
      specialist: sp,
      commissionMember: await tokenFor('SOCIAL_PROTECTION', ['COMMISSION_MEMBER']),
      activities: [
        {
          kind: 'CAREER_GUIDANCE',
          description: 'Профориентация',
          responsibleAgency: 'EMPLOYMENT',
          startDate: '2026-12-01',
          dueDate: '2027-01-31',
        },
        {
          kind: 'VOCATIONAL_TRAINING',
          description: 'Обучение «Повар»',
          responsibleAgency: 'EMPLOYMENT',
          startDate: '2026-12-10',
          dueDate: '2027-03-31',
          costKopecks: 2_800_000,
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

    // M2 reached ЦЗН: the category, the petition accepted, the services opened — seen through the gateway
    const support = await eventually(
      async () =>
        (
          await ok(
            `query($c: ID!) { citizen(id: $c) { contractSupport { id category petitionAcceptedOn services { kind status } } } }`,
            { c: citizenId },
          )
        ).citizen.contractSupport[0],
    );
    expect(support).toMatchObject({
      id: contractId,
      category: 'LOW_INCOME_WITH_SOCIAL_CONTRACT',
      petitionAcceptedOn: '2026-12-01',
    });
    expect(support.services.map((x: { kind: string }) => x.kind)).toEqual([
      'CAREER_GUIDANCE',
      'SOCIAL_ADAPTATION',
      'PSYCHOLOGICAL_SUPPORT',
    ]);

    const reg = (
      await ok(`mutation($i: RegisterJobSeekerInput!) { registerJobSeeker(input: $i) { id category } }`, {
        i: {
          citizen: { snils: validSnils(6001), lastName: 'Лебедева', firstName: 'Нина', birthDate: '1987-03-03' },
          status: 'UNEMPLOYED',
          needs: {
            socialHelp: false,
            psychologicalSupport: false,
            employmentHelp: true,
            vocationalTraining: true,
            financialLiteracy: false,
          },
          education: 'SECONDARY_GENERAL',
          experienceYears: 3,
        },
      })
    ).registerJobSeeker;
    expect(reg.category).toBe('LOW_INCOME_WITH_SOCIAL_CONTRACT');
    const plan = (
      await ok(`mutation($i: DraftEmploymentPlanInput!) { draftEmploymentPlan(input: $i) { id } }`, {
        i: {
          registrationId: reg.id,
          steps: [{ kind: 'VOCATIONAL_TRAINING', description: 'обучение', dueDate: '2027-03-10' }],
        },
      })
    ).draftEmploymentPlan;
    await ok(`mutation($i: AgreeEmploymentPlanInput!) { agreeEmploymentPlan(input: $i) { status } }`, {
      i: { planId: plan.id, agreedOn: '2026-12-01' },
    });
    await ok(`mutation($i: RecordContractServiceInput!) { recordContractService(input: $i) { id } }`, {
      i: { contractId, kind: 'CAREER_GUIDANCE', deliveredOn: '2026-12-01' },
    });
    const t = (
      await ok(`mutation($i: ReferToTrainingInput!) { referToTraining(input: $i) { id } }`, {
        i: {
          registrationId: reg.id,
          programme: 'Повар',
          provider: 'ГАПОУ ИТАТ',
          startDate: '2026-12-10',
          endDate: '2027-03-10',
          costKopecks: 2_800_000,
        },
      })
    ).referToTraining;
    at('2026-12-10');
    await ok(`mutation($i: UpdateTrainingReferralInput!) { updateTrainingReferral(input: $i) { status } }`, {
      i: { trainingReferralId: t.id, action: 'START', on: '2026-12-10' },
    });
    at('2027-03-10');
    await ok(`mutation($i: UpdateTrainingReferralInput!) { updateTrainingReferral(input: $i) { status } }`, {
      i: { trainingReferralId: t.id, action: 'COMPLETE', on: '2027-03-10', certificate: 'св. № 12' },
    });
    at('2027-03-20');
    await ok(`mutation($i: ConfirmEmploymentInput!) { confirmEmployment(input: $i) { status } }`, {
      i: {
        registrationId: reg.id,
        employerInn: '500100732259',
        contractDate: '2027-03-20',
        position: 'повар',
        wageKopecks: 5_500_000,
      },
    });

    // ЦСПН consumed every M3: its programme activities are done and the waiting payments released
    const contract = await eventually(async () => {
      const r = await gql(
        s.gatewayUrl,
        `query($id: ID!) { socialContract(id: $id) { activities { kind status } payments { status dueDate } employment { employerInn } partnerEvents { kind } } }`,
        { id: contractId },
        sp,
      );
      const c = r.data?.socialContract;
      // The events and the contract are read by two queries: wait until both show the last report (EMPLOYED).
      return c?.partnerEvents.length === 7 && c.employment ? c : undefined;
    });
    expect(
      Object.fromEntries(contract.activities.map((a: { kind: string; status: string }) => [a.kind, a.status])),
    ).toEqual({
      CAREER_GUIDANCE: 'DONE',
      VOCATIONAL_TRAINING: 'DONE',
      EMPLOYMENT: 'DONE',
      JOB_SEEKER_REGISTRATION: 'DONE',
    });
    expect(contract.employment).toEqual({ employerInn: '500100732259' });
    expect(
      contract.payments
        .filter((p: { status: string }) => p.status === 'SCHEDULED')
        .map((p: { dueDate: string }) => p.dueDate),
    ).toEqual(['2027-03-20', '2027-04-20', '2027-05-20', '2026-12-10']);
    // newest first
    expect(contract.partnerEvents.map((e: { kind: string }) => e.kind)).toEqual([
      'EMPLOYED',
      'TRAINING_COMPLETED',
      'TRAINING_STARTED',
      'TRAINING_REFERRED',
      'SERVICE_DELIVERED',
      'PLAN_APPROVED',
      'REGISTERED',
    ]);

    // one gateway query, each agency's part from its owner; КЦСОН sees only that the citizen is employed
    const view = (
      await ok(
        `query($c: ID!) { citizen(id: $c) { employmentStatus { employed } socialContracts { status } jobSeekerRegistrations { status } } }`,
        { c: citizenId },
        await tokenFor('SOCIAL_SERVICE'),
      )
    ).citizen;
    expect(view).toEqual({
      employmentStatus: { employed: true },
      socialContracts: [{ status: 'ACTIVE' }],
      jobSeekerRegistrations: [],
    });
  }, 120_000);
});
