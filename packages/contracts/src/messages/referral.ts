import { z } from 'zod';
import { agency, citizenId, territory, isoDateTime, needsQuestionnaire, personData, uuid } from '../common';
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
  domainRef: 'M4 (reply)',
  description: 'The receiving agency accepted the referral and opened a case (e.g. ЦСПН opened an application).',
  schema: z
    .object({
      referralId: uuid,
      citizenId,
      senderAgency: agency.describe('The agency that sent the referral and awaits this reply'),
      receiverAgency: agency,
      receiverCaseId: uuid.describe('The case the receiver opened, e.g. the ЦСПН application id'),
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
