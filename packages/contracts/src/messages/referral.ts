import { z } from 'zod';
import { REFERRAL_OUTCOMES, REFERRAL_TYPES } from '@sc/kernel';
import { agency, citizenId, territory, isoDate, isoDateTime, needsQuestionnaire, personData, uuid } from '../common';
import { defineMessage, TOPICS } from '../message-type';

/** Основание направления: why the sender thinks the citizen qualifies. */
export const referralBasis = z.enum(['LOW_INCOME', 'HARDSHIP', 'UNEMPLOYED', 'OTHER']);

/**
 * M4: ЦЗН or КЦСОН → ЦСПН. «Направление гражданина с целью заключения
 * социального контракта» (seed 000): a low-income person was identified.
 */
export const referralForContractV1 = defineMessage({
  type: 'referral.for-contract.v1',
  topic: TOPICS.referrals,
  addressee: 'toAgency',
  domainRef: 'M4',
  description:
    'A citizen is referred to ЦСПН to conclude a social contract (направление для заключения социального контракта).',
  schema: z
    .object({
      referralId: uuid,
      citizenId,
      fromAgency: z.enum(['EMPLOYMENT', 'SOCIAL_SERVICE']),
      toAgency: z.literal('SOCIAL_PROTECTION'),
      senderCaseId: uuid.describe("The sender's application that led to the referral"),
      basis: referralBasis,
      comment: z.string().max(2000).optional(),
      person: personData,
      needs: needsQuestionnaire,
      territory: territory.optional(),
      sentAt: isoDateTime,
    })
    .strict(),
  examples: [
    {
      referralId: '0190f0b4-7a5e-7c1a-8b1e-2b6c7a9d0e11',
      citizenId: '3b0c6f0e-2a41-8d5c-9a55-0c5e3f1a2b3c',
      fromAgency: 'SOCIAL_SERVICE',
      toAgency: 'SOCIAL_PROTECTION',
      senderCaseId: '0190f0b4-7a5e-7c1a-8b1e-2b6c7a9d0e10',
      basis: 'LOW_INCOME',
      person: {
        snils: '112-233-445 95',
        lastName: 'Иванова',
        firstName: 'Мария',
        middleName: 'Петровна',
        birthDate: '1988-04-12',
      },
      needs: {
        socialHelp: true,
        psychologicalSupport: false,
        employmentHelp: true,
        vocationalTraining: true,
        financialLiteracy: true,
      },
      territory: '25607000',
      sentAt: '2026-11-23T09:15:00.000Z',
    },
  ],
});

/** The receiver accepted a referral and opened a case from it (направление принято). */
export const referralAcceptedV1 = defineMessage({
  type: 'referral.accepted.v1',
  topic: TOPICS.referrals,
  addressee: 'senderAgency',
  domainRef: 'M4 (reply)',
  description: 'The receiving agency accepted the referral and opened a case (e.g. ЦСПН opened an application).',
  schema: z
    .object({
      referralId: uuid,
      citizenId,
      senderAgency: agency.describe('The agency that sent the referral and awaits this reply'),
      receiverAgency: agency,
      receiverCaseId: uuid.describe(
        'The case the receiver opened or joined: the ЦСПН application, the КЦСОН urgent case, the ЦЗН registration. ЦЗН names the referral itself when the citizen is not registered yet; referral.in-service.v1 names the registration once they come',
      ),
      acceptedAt: isoDateTime,
    })
    .strict(),
  examples: [
    {
      referralId: '0190f0b4-7a5e-7c1a-8b1e-2b6c7a9d0e11',
      citizenId: '3b0c6f0e-2a41-8d5c-9a55-0c5e3f1a2b3c',
      senderAgency: 'SOCIAL_SERVICE',
      receiverAgency: 'SOCIAL_PROTECTION',
      receiverCaseId: '0190f0b5-0000-7000-8000-000000000001',
      acceptedAt: '2026-11-23T09:15:01.000Z',
    },
  ],
});

/** The receiver returned a referral (wrong addressee or incomplete, DOMAIN.md §4.4). */
export const referralReturnedV1 = defineMessage({
  type: 'referral.returned.v1',
  topic: TOPICS.referrals,
  addressee: 'senderAgency',
  domainRef: 'M4 (reply)',
  description: 'The receiving agency returned the referral with a reason (wrong addressee or incomplete).',
  schema: z
    .object({
      referralId: uuid,
      citizenId,
      senderAgency: agency,
      receiverAgency: agency,
      reason: z.string().min(1).max(2000),
      returnedAt: isoDateTime,
    })
    .strict(),
  examples: [
    {
      referralId: '0190f0b4-7a5e-7c1a-8b1e-2b6c7a9d0e11',
      citizenId: '3b0c6f0e-2a41-8d5c-9a55-0c5e3f1a2b3c',
      senderAgency: 'SOCIAL_SERVICE',
      receiverAgency: 'SOCIAL_PROTECTION',
      reason: 'the citizen lives in another district',
      returnedAt: '2026-11-23T09:15:01.000Z',
    },
  ],
});

/**
 * ЦСПН → КЦСОН: «направление гражданина с целью оказания срочных социальных
 * услуг и социального сопровождения» (seed 000) — outside a contract, e.g.
 * when the means test refused one or while the application is decided.
 */
export const referralForUrgentAndAccompanimentV1 = defineMessage({
  type: 'referral.for-urgent-and-accompaniment.v1',
  topic: TOPICS.referrals,
  addressee: 'toAgency',
  domainRef: 'M4-bis (seed 000: ЦСПН → КЦСОН)',
  description:
    'ЦСПН refers a citizen to КЦСОН for urgent social services and accompaniment (направление для срочных социальных услуг и социального сопровождения); КЦСОН opens an urgent-service case from it.',
  schema: z
    .object({
      referralId: uuid,
      citizenId,
      fromAgency: z.literal('SOCIAL_PROTECTION'),
      toAgency: z.literal('SOCIAL_SERVICE'),
      senderCaseId: uuid.describe('The ЦСПН application the referral comes from'),
      basis: referralBasis,
      comment: z.string().max(2000).optional(),
      person: personData,
      needs: needsQuestionnaire,
      territory: territory.optional(),
      sentAt: isoDateTime,
    })
    .strict(),
  examples: [
    {
      referralId: '0190f0b4-7a5e-7c1a-8b1e-2b6c7a9d0e31',
      citizenId: '3b0c6f0e-2a41-8d5c-9a55-0c5e3f1a2b3c',
      fromAgency: 'SOCIAL_PROTECTION',
      toAgency: 'SOCIAL_SERVICE',
      senderCaseId: '0190f0b5-0000-7000-8000-000000000001',
      basis: 'HARDSHIP',
      comment: 'семья без продуктов, нужна срочная помощь',
      person: { lastName: 'Иванова', firstName: 'Мария', birthDate: '1988-04-12' },
      needs: {
        socialHelp: true,
        psychologicalSupport: true,
        employmentHelp: false,
        vocationalTraining: false,
        financialLiteracy: false,
      },
      territory: '25607000',
      sentAt: '2026-11-23T09:15:00.000Z',
    },
  ],
});

const lifecycleBase = {
  referralId: uuid,
  citizenId,
  referralType: z.enum(REFERRAL_TYPES),
  senderAgency: agency.describe('The agency that sent the referral and keeps its copy'),
  receiverAgency: agency,
};
const lifecycleExample = {
  referralId: '0190f0b4-7a5e-7c1a-8b1e-2b6c7a9d0e21',
  citizenId: '3b0c6f0e-2a41-8d5c-9a55-0c5e3f1a2b3c',
  referralType: 'FOR_EMPLOYMENT_SERVICES',
  senderAgency: 'SOCIAL_PROTECTION',
  receiverAgency: 'EMPLOYMENT',
} as const;

/** The citizen appeared at the receiver, whose case now serves them (ACCEPTED → IN_SERVICE). */
export const referralInServiceV1 = defineMessage({
  type: 'referral.in-service.v1',
  topic: TOPICS.referrals,
  addressee: 'senderAgency',
  domainRef: 'M4 / M1 (lifecycle)',
  description:
    'The referred citizen appeared at the receiving agency and is being served (гражданин явился по направлению): the receiver names its case.',
  schema: z
    .object({
      ...lifecycleBase,
      receiverCaseId: uuid.describe(
        "The receiver's case serving the citizen (ЦСПН application, ЦЗН registration, КЦСОН urgent case)",
      ),
      inServiceAt: isoDateTime,
    })
    .strict(),
  examples: [
    {
      ...lifecycleExample,
      receiverCaseId: '0190f0b6-0000-7000-8000-000000000002',
      inServiceAt: '2026-11-24T10:00:00.000Z',
    },
  ],
});

/** The receiver's result goes back to the sender (IN_SERVICE → RESULT_SENT; the sender closes its copy). */
export const referralResultV1 = defineMessage({
  type: 'referral.result.v1',
  topic: TOPICS.referrals,
  addressee: 'senderAgency',
  domainRef: 'M4 / M1 (lifecycle)',
  description:
    "The receiving agency's result of a referral (результат по направлению): the decision on the application, the individual plan agreed or the registration ended, the urgent services provided.",
  schema: z
    .object({
      ...lifecycleBase,
      receiverCaseId: uuid,
      outcome: z
        .enum(REFERRAL_OUTCOMES)
        .describe(
          'CONTRACT_GRANTED / REFUSED / WITHDRAWN (ЦСПН: the decision on the application), PLAN_AGREED / EMPLOYED / DEREGISTERED (ЦЗН), SERVICES_PROVIDED / REFUSED (КЦСОН)',
        ),
      summary: z
        .string()
        .max(2000)
        .optional()
        .describe('One sentence for the sender, no personal data beyond the case'),
      resultAt: isoDateTime,
    })
    .strict(),
  examples: [
    {
      ...lifecycleExample,
      receiverCaseId: '0190f0b6-0000-7000-8000-000000000002',
      outcome: 'PLAN_AGREED',
      summary: 'индивидуальный план поиска работы согласован',
      resultAt: '2026-11-27T12:00:00.000Z',
    },
  ],
});

/** The citizen did not appear by the receiver's deadline (ACCEPTED → EXPIRED). */
export const referralExpiredV1 = defineMessage({
  type: 'referral.expired.v1',
  topic: TOPICS.referrals,
  addressee: 'senderAgency',
  domainRef: 'M4 / M1 (lifecycle)',
  description:
    'The referred citizen did not appear by the deadline (REFERRAL_APPEARANCE_WORKING_DAYS_<type> of the receiver): the referral expired (направление истекло).',
  schema: z
    .object({
      ...lifecycleBase,
      appearanceDueOn: isoDate.describe("The last day the citizen could appear (the receiver's region calendar)"),
      expiredAt: isoDateTime,
    })
    .strict(),
  examples: [{ ...lifecycleExample, appearanceDueOn: '2026-12-07', expiredAt: '2026-12-08T07:30:00.000Z' }],
});
