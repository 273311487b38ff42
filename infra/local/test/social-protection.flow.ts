import type { ManualClock } from '@sc/kernel';
import { eventually, graphqlClient, tokenFor, validSnils } from '@sc/testing';

/** The simplest ПСА activity: ЦЗН's career guidance in the contract's first two months. */
export const CAREER_GUIDANCE = {
  kind: 'CAREER_GUIDANCE',
  description: 'Профориентация',
  responsibleAgency: 'EMPLOYMENT',
  startDate: '2026-12-01',
  dueDate: '2027-01-31',
};

/**
 * Drives ЦСПН through the gateway from an application to a concluded
 * JOB_SEARCH contract (the steps the seed-000 scenario spells out one by
 * one), for scenarios that start where the contract is concluded.
 */
export async function concludeJobSearchContract(a: {
  gatewayUrl: string;
  clock: ManualClock;
  seed: number;
  specialist: string;
  commissionMember: string;
  activities: {
    kind: string;
    description: string;
    responsibleAgency: string;
    startDate: string;
    dueDate: string;
    costKopecks?: number;
  }[];
  needs?: Partial<
    Record<
      'socialHelp' | 'psychologicalSupport' | 'employmentHelp' | 'vocationalTraining' | 'financialLiteracy',
      boolean
    >
  >;
}): Promise<{ citizenId: string; applicationId: string; contractId: string }> {
  const { ok } = graphqlClient(a.gatewayUrl, a.specialist);
  a.clock.set('2026-11-23T03:00:00Z');
  const app = await submitApplication(a);
  await ok(`mutation($i: RunMeansTestInput!) { runMeansTest(input: $i) { status } }`, { i: { applicationId: app.id } });
  await ok(`mutation($i: RecordHomeSurveyInput!) { recordHomeSurvey(input: $i) { status } }`, {
    i: {
      applicationId: app.id,
      surveyDate: '2026-11-23',
      address: 'Иркутск',
      livingConditions: 'квартира',
      interviewNotes: 'готова к обучению',
      conclusion: 'нуждается',
    },
  });
  const prog = (
    await ok(`mutation($i: DraftAdaptationProgrammeInput!) { draftAdaptationProgramme(input: $i) { id } }`, {
      i: {
        applicationId: app.id,
        direction: 'JOB_SEARCH',
        termMonths: 9,
        plannedStart: '2026-12-01',
        activities: a.activities,
        includeFinancialLiteracy: false,
      },
    })
  ).draftAdaptationProgramme;
  await agreeProgrammeThroughGateway(a.gatewayUrl, a.specialist, prog.id);
  await ok(`mutation($id: ID!) { submitProgrammeToCommission(input: { programmeId: $id }) { status } }`, {
    id: prog.id,
  });
  const meeting = (
    await ok(`mutation($i: ScheduleCommissionMeetingInput!) { scheduleCommissionMeeting(input: $i) { id } }`, {
      i: { meetingDate: '2026-11-23', members: [{ name: 'Председатель', agency: 'SOCIAL_PROTECTION', role: 'CHAIR' }] },
    })
  ).scheduleCommissionMeeting;
  await ok(
    `mutation($i: RecordCommissionDecisionInput!) { recordCommissionDecision(input: $i) { id } }`,
    { i: { meetingId: meeting.id, programmeId: prog.id, decision: 'APPROVE' } },
    a.commissionMember,
  );
  await ok(
    `mutation($i: CloseCommissionMeetingInput!) { closeCommissionMeeting(input: $i) { id } }`,
    { i: { meetingId: meeting.id, attended: ['Председатель'] } },
    a.commissionMember,
  );
  a.clock.set('2026-11-30T03:00:00Z');
  const contract = (
    await ok(`mutation($i: ConcludeSocialContractInput!) { concludeSocialContract(input: $i) { id } }`, {
      i: { applicationId: app.id, signedOn: '2026-11-30' },
    })
  ).concludeSocialContract;
  a.clock.set('2026-12-01T03:00:00Z');
  await ok(`mutation($i: RecordPaymentInput!) { recordContractPayment(input: $i) { status } }`, {
    i: { contractId: contract.id, paymentNo: 1, paidOn: '2026-12-01' },
  });
  return { citizenId: app.citizen.id, applicationId: app.id, contractId: contract.id };
}

const PARTNER_API = {
  EMPLOYMENT: { draft: 'employmentProgrammeDraft', answer: 'answerEmploymentProgrammeDraft' },
  SOCIAL_SERVICE: { draft: 'socialServiceProgrammeDraft', answer: 'answerSocialServiceProgrammeDraft' },
} as const;

/**
 * Согласование ПСА as seed 000 step 3 has it, through the gateway: the
 * citizen's agreement recorded at ЦСПН, then each partner asked — ЦЗН, КЦСОН —
 * finds the draft's current revision in its own subgraph (it came by M7) and
 * agrees it there; returns when ЦСПН has applied every answer.
 */
export async function agreeProgrammeThroughGateway(
  gatewayUrl: string,
  specialist: string,
  programmeId: string,
): Promise<void> {
  const { ok } = graphqlClient(gatewayUrl, specialist);
  const STATE = `query($id: ID!) { adaptationProgramme(id: $id) { territory revision agreed agreements { party } } }`;
  const p = (await ok(STATE, { id: programmeId })).adaptationProgramme;
  await ok(
    `mutation($i: RecordCitizenProgrammeAgreementInput!) { recordCitizenProgrammeAgreement(input: $i) { revision } }`,
    { i: { programmeId, revision: p.revision, decision: 'AGREED' } },
  );
  for (const { party } of p.agreements as { party: 'EMPLOYMENT' | 'SOCIAL_SERVICE' | 'CITIZEN' }[]) {
    if (party === 'CITIZEN') continue;
    const api = PARTNER_API[party];
    const partner = await tokenFor(party, ['SPECIALIST'], `${party.toLowerCase()}-psa`, p.territory);
    await eventually(
      async () =>
        (await ok(`query($id: ID!) { ${api.draft}(programmeId: $id) { revision } }`, { id: programmeId }, partner))[
          api.draft
        ]?.revision === p.revision,
    );
    await ok(
      `mutation($i: AnswerProgrammeDraftInput!) { ${api.answer}(input: $i) { status } }`,
      { i: { programmeId, decision: 'AGREED' } },
      partner,
    );
  }
  await eventually(async () => (await ok(STATE, { id: programmeId })).adaptationProgramme.agreed);
}

/** Приём заявления by a ЦСПН specialist: a working applicant whose wages are below the ПМ (one household member). */
export async function submitApplication(a: {
  gatewayUrl: string;
  seed: number;
  specialist: string;
  needs?: Partial<
    Record<
      'socialHelp' | 'psychologicalSupport' | 'employmentHelp' | 'vocationalTraining' | 'financialLiteracy',
      boolean
    >
  >;
}): Promise<{ id: string; citizen: { id: string } }> {
  const { ok } = graphqlClient(a.gatewayUrl, a.specialist);
  const wages = ['2026-07', '2026-08', '2026-09'].map((month) => ({ month, kind: 'WAGES', amountKopecks: 1_200_000 }));
  const app = (
    await ok(`mutation($i: SubmitScApplicationInput!) { submitScApplication(input: $i) { id citizen { id } } }`, {
      i: {
        citizen: { snils: validSnils(a.seed), lastName: 'Лебедева', firstName: 'Нина', birthDate: '1987-03-03' },
        zone: 'WHOLE_REGION',
        needs: {
          socialHelp: false,
          psychologicalSupport: false,
          employmentHelp: true,
          vocationalTraining: true,
          financialLiteracy: false,
          ...a.needs,
        },
        household: [{ relation: 'APPLICANT', fullName: 'Лебедева Нина', birthDate: '1987-03-03', incomes: wages }],
      },
    })
  ).submitScApplication;
  return app;
}

/**
 * Заключение МВК об эффективности (seed 000 step 7): the ПМ of the year
 * entered by an ADMIN, a meeting on `today` whose agenda takes the ended
 * contract, the conclusion recorded there, the minutes closed. Returns the
 * status the contract reached.
 */
export async function concludeEffectivenessAtMeeting(a: {
  gatewayUrl: string;
  today: string;
  contractId: string;
  specialist: string;
  commissionMember: string;
  admin: string;
  householdIncomeAfterKopecks: number;
  householdMembersAfter: number;
  conclusion: string;
}): Promise<string> {
  const { ok } = graphqlClient(a.gatewayUrl, a.specialist);
  const year = Number(a.today.slice(0, 4));
  await ok(
    `mutation($i: SetSubsistenceMinimumInput!) { setSubsistenceMinimum(input: $i) { year } }`,
    { i: { year, zone: 'WHOLE_REGION', perCapitaKopecks: 2_150_000, workingAgeKopecks: 2_340_000 } },
    a.admin,
  );
  const meeting = (
    await ok(`mutation($i: ScheduleCommissionMeetingInput!) { scheduleCommissionMeeting(input: $i) { id } }`, {
      i: { meetingDate: a.today, members: [{ name: 'Председатель', agency: 'SOCIAL_PROTECTION', role: 'CHAIR' }] },
    })
  ).scheduleCommissionMeeting;
  const evaluated = (
    await ok(
      `mutation($i: EvaluateSocialContractInput!) { evaluateSocialContract(input: $i) { status } }`,
      {
        i: {
          contractId: a.contractId,
          meetingId: meeting.id,
          householdIncomeAfterKopecks: a.householdIncomeAfterKopecks,
          householdMembersAfter: a.householdMembersAfter,
          conclusion: a.conclusion,
        },
      },
      a.commissionMember,
    )
  ).evaluateSocialContract;
  await ok(
    `mutation($i: CloseCommissionMeetingInput!) { closeCommissionMeeting(input: $i) { id } }`,
    { i: { meetingId: meeting.id, attended: ['Председатель'] } },
    a.commissionMember,
  );
  return evaluated.status;
}
