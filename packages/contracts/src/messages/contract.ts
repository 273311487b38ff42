import { z } from 'zod';
import { citizenId, dateOrder, isoDate, isoDateTime, needsQuestionnaire, personData, territory, uuid } from '../common';
import { defineMessage, TOPICS } from '../message-type';

/** Направление социального контракта (DOMAIN.md §3). */
export const scDirection = z
  .enum(['JOB_SEARCH', 'BUSINESS', 'SUBSIDIARY_FARM', 'HARDSHIP'])
  .describe('JOB_SEARCH (поиск работы), BUSINESS (ИП/НПД), SUBSIDIARY_FARM (ЛПХ), HARDSHIP (ТЖС)');

/** Вид мероприятия ПСА; partners report against these (and against the activity id). */
export const psaActivityKind = z.enum([
  'JOB_SEEKER_REGISTRATION',
  'EMPLOYMENT',
  'VOCATIONAL_TRAINING',
  'CAREER_GUIDANCE',
  'SOCIAL_ADAPTATION',
  'PSYCHOLOGICAL_SUPPORT',
  'FINANCIAL_LITERACY',
  'BUSINESS_REGISTRATION',
  'ASSET_PURCHASE',
  'URGENT_SOCIAL_SERVICES',
  'SOCIAL_ACCOMPANIMENT',
  'HARDSHIP_MEASURE',
  'OTHER',
]);

/** One ПСА activity as a partner agency receives it. */
export const assignedActivity = z
  .object({
    activityId: uuid,
    kind: psaActivityKind,
    description: z.string().min(1).max(2000),
    dueDate: isoDate,
  })
  .strict();

export type PsaActivityKindValue = z.infer<typeof psaActivityKind>;
export type AssignedActivity = z.input<typeof assignedActivity>;

/**
 * M1: ЦСПН → ЦЗН. «Направление гражданина с целью оказания услуг по
 * содействию занятости» (seed 000): the person needs employment services.
 */
export const referralForEmploymentServicesV1 = defineMessage({
  type: 'referral.for-employment-services.v1',
  topic: TOPICS.referrals,
  addressee: 'toAgency',
  domainRef: 'M1',
  description:
    'ЦСПН refers a citizen to ЦЗН for employment services (направление для оказания услуг по содействию занятости).',
  schema: z
    .object({
      referralId: uuid,
      citizenId,
      fromAgency: z.literal('SOCIAL_PROTECTION'),
      toAgency: z.literal('EMPLOYMENT'),
      senderCaseId: uuid.describe('The ЦСПН application'),
      person: personData,
      needs: needsQuestionnaire,
      proposedDirection: scDirection.optional(),
      territory: territory.optional(),
      sentAt: isoDateTime,
    })
    .strict(),
  examples: [
    {
      referralId: '0190f0b4-7a5e-7c1a-8b1e-2b6c7a9d0e21',
      citizenId: '3b0c6f0e-2a41-8d5c-9a55-0c5e3f1a2b3c',
      fromAgency: 'SOCIAL_PROTECTION',
      toAgency: 'EMPLOYMENT',
      senderCaseId: '0190f0b5-0000-7000-8000-000000000001',
      person: {
        snils: '112-233-445 95',
        lastName: 'Иванова',
        firstName: 'Мария',
        birthDate: '1988-04-12',
        phone: '+7 900 000-00-00',
      },
      needs: {
        socialHelp: true,
        psychologicalSupport: false,
        employmentHelp: true,
        vocationalTraining: true,
        financialLiteracy: true,
      },
      proposedDirection: 'JOB_SEARCH',
      sentAt: '2026-11-23T09:15:00.000Z',
    },
  ],
});

const contractCore = {
  contractId: uuid,
  contractNumber: z.string().min(1).max(50),
  citizenId,
  direction: scDirection,
  startDate: isoDate,
  endDate: isoDate,
  person: personData,
  territory: territory.optional(),
  concludedAt: isoDateTime,
};

/** The contract's term is not empty, and every activity assigned to a partner falls due inside it. */
function contractDates(
  d: { startDate: string; endDate: string; activities: { dueDate: string }[] },
  ctx: Parameters<typeof dateOrder>[0],
): void {
  dateOrder(ctx, ['endDate'], d.endDate, d.startDate, 'endDate must not be before startDate');
  d.activities.forEach((a, i) => {
    dateOrder(ctx, ['activities', i, 'dueDate'], a.dueDate, d.startDate, 'an activity falls due inside the term');
    dateOrder(ctx, ['activities', i, 'dueDate'], d.endDate, a.dueDate, 'an activity falls due inside the term');
  });
}

/**
 * M2: ЦСПН → ЦЗН. «Информация о заключении социального контракта и
 * ходатайство о предоставлении полного комплекса услуг по содействию
 * занятости» (seed 000).
 */
export const contractConcludedForEmploymentV1 = defineMessage({
  type: 'contract.concluded-for-employment.v1',
  topic: TOPICS.contracts,
  addressee: 'toAgency',
  domainRef: 'M2',
  description:
    'A social contract was concluded; ЦСПН asks ЦЗН for the full package of employment services and lists the ПСА activities assigned to ЦЗН.',
  schema: z
    .object({
      ...contractCore,
      toAgency: z.literal('EMPLOYMENT'),
      fullPackageRequested: z.boolean().describe('ходатайство о предоставлении полного комплекса услуг'),
      activities: z.array(assignedActivity),
      trainingNeeded: z.boolean(),
      trainingCapKopecks: z.number().int().nonnegative().describe('the regional training cost cap, in kopecks'),
    })
    .strict()
    .superRefine(contractDates),
  examples: [
    {
      contractId: '0190f0c0-0000-7000-8000-000000000001',
      contractNumber: 'СК-25-2026-000001',
      citizenId: '3b0c6f0e-2a41-8d5c-9a55-0c5e3f1a2b3c',
      direction: 'JOB_SEARCH',
      startDate: '2026-12-01',
      endDate: '2027-08-31',
      person: { snils: '112-233-445 95', lastName: 'Иванова', firstName: 'Мария', birthDate: '1988-04-12' },
      concludedAt: '2026-11-30T10:00:00.000Z',
      toAgency: 'EMPLOYMENT',
      fullPackageRequested: true,
      activities: [
        {
          activityId: '0190f0c0-0000-7000-8000-0000000000a1',
          kind: 'VOCATIONAL_TRAINING',
          description: 'Обучение по профессии «Повар»',
          dueDate: '2027-03-31',
        },
      ],
      trainingNeeded: true,
      trainingCapKopecks: 3_000_000,
    },
  ],
});

/**
 * M5: ЦСПН → КЦСОН. «Информация о заключении социального контракта и
 * ходатайство о предоставлении срочных социальных услуг и социального
 * сопровождения» (seed 000).
 */
export const contractConcludedForSocialServiceV1 = defineMessage({
  type: 'contract.concluded-for-social-service.v1',
  topic: TOPICS.contracts,
  addressee: 'toAgency',
  domainRef: 'M5',
  description:
    'A social contract was concluded; ЦСПН asks КЦСОН for urgent services and social accompaniment and lists the ПСА activities assigned to КЦСОН.',
  schema: z
    .object({
      ...contractCore,
      toAgency: z.literal('SOCIAL_SERVICE'),
      urgentServicesRequested: z.boolean(),
      accompanimentRequested: z.boolean(),
      activities: z.array(assignedActivity),
      /** КЦСОН serves the holder during the contract and for a year after it (seed 003). */
      serviceUntil: isoDate,
    })
    .strict()
    .superRefine((d, ctx) => {
      contractDates(d, ctx);
      dateOrder(ctx, ['serviceUntil'], d.serviceUntil, d.endDate, 'serviceUntil must not be before endDate');
    }),
  examples: [
    {
      contractId: '0190f0c0-0000-7000-8000-000000000001',
      contractNumber: 'СК-25-2026-000001',
      citizenId: '3b0c6f0e-2a41-8d5c-9a55-0c5e3f1a2b3c',
      direction: 'JOB_SEARCH',
      startDate: '2026-12-01',
      endDate: '2027-08-31',
      person: { snils: '112-233-445 95', lastName: 'Иванова', firstName: 'Мария', birthDate: '1988-04-12' },
      concludedAt: '2026-11-30T10:00:00.000Z',
      toAgency: 'SOCIAL_SERVICE',
      urgentServicesRequested: true,
      accompanimentRequested: true,
      activities: [
        {
          activityId: '0190f0c0-0000-7000-8000-0000000000a2',
          kind: 'FINANCIAL_LITERACY',
          description: 'Курс финансовой грамотности',
          dueDate: '2027-01-31',
        },
      ],
      serviceUntil: '2028-08-31',
    },
  ],
});

export const contractStatus = z.enum([
  'SIGNED',
  'ACTIVE',
  'UNDER_REVIEW',
  'EXTENDED',
  'SUCCESSION_PENDING',
  'ENDED',
  'EVALUATED_EFFECTIVE',
  'EVALUATED_INEFFECTIVE',
  'POST_MONITORING',
  'CLOSED',
  'TERMINATED_EARLY',
  'REPAYMENT_DUE',
  'COURT_RECOVERY',
]);

/** Statuses in which the citizen carries out the programme (reports, visits and payments run; partners serve). */
export const RUNNING_CONTRACT_STATUSES = [
  'SIGNED',
  'ACTIVE',
  'EXTENDED',
  'UNDER_REVIEW',
  'SUCCESSION_PENDING',
] as const satisfies readonly z.infer<typeof contractStatus>[];

/** Every status change of a contract, for partners and integrators (end, extension, termination, evaluation). */
export const contractStatusChangedV1 = defineMessage({
  type: 'contract.status-changed.v1',
  topic: TOPICS.contracts,
  domainRef: 'M10 (notice)',
  description:
    'A social contract changed status (extended, ended, evaluated, terminated early, closed); carries the dates in force.',
  schema: z
    .object({
      contractId: uuid,
      citizenId,
      direction: scDirection,
      previousStatus: contractStatus,
      status: contractStatus,
      endDate: isoDate.describe('the end date in force (after any extension)'),
      reason: z.string().max(2000).optional(),
      changedAt: isoDateTime,
    })
    .strict()
    .refine((d) => d.status !== d.previousStatus, {
      path: ['status'],
      message: 'a status change names a new status',
    }),
  examples: [
    {
      contractId: '0190f0c0-0000-7000-8000-000000000001',
      citizenId: '3b0c6f0e-2a41-8d5c-9a55-0c5e3f1a2b3c',
      direction: 'JOB_SEARCH',
      previousStatus: 'ACTIVE',
      status: 'EXTENDED',
      endDate: '2027-10-31',
      reason: 'болезнь более месяца',
      changedAt: '2027-08-20T10:00:00.000Z',
    },
  ],
});
