import { z } from 'zod';
import { agency, citizenId, isoDate, isoDateTime, territory, uuid } from '../common';
import { defineMessage, TOPICS } from '../message-type';
import { psaActivityKind, scDirection } from './contract';

/** A case on the МВК agenda as the invited members see it (draft ПСА and business plan, no incomes). */
const agendaItem = z
  .object({
    programmeId: uuid,
    applicationId: uuid,
    citizenId,
    direction: scDirection,
    termMonths: z.number().int().min(1).max(24),
    activities: z.array(
      z
        .object({
          kind: psaActivityKind,
          description: z.string().max(2000),
          responsibleAgency: z.string().max(200),
          dueDate: isoDate,
        })
        .strict(),
    ),
    businessPlanAmountKopecks: z.number().int().nonnegative().optional(),
  })
  .strict();

const member = z
  .object({ name: z.string().min(1).max(200), position: z.string().max(200).optional(), agency })
  .strict();

/**
 * M7 (before): ЦСПН → ЦЗН / КЦСОН. Invitation to a meeting of the
 * interagency commission (МВК) with the agenda. Kafka key = meeting id.
 */
export const commissionInvitationV1 = defineMessage({
  type: 'commission.invitation.v1',
  topic: TOPICS.commission,
  addressee: 'toAgency',
  domainRef: 'M7',
  description:
    'Invitation of a ЦЗН or КЦСОН member to an interagency commission (МВК) meeting, with the draft programmes on the agenda. Key = meeting id.',
  schema: z
    .object({
      meetingId: uuid,
      toAgency: z.enum(['EMPLOYMENT', 'SOCIAL_SERVICE']),
      meetingDate: isoDate,
      place: z.string().max(500).optional(),
      territory: territory.optional().describe('ОКТМО of the commission (the district whose ЦСПН convenes it)'),
      invited: z.array(member).min(1),
      agenda: z.array(agendaItem),
      sentAt: isoDateTime,
    })
    .strict(),
  examples: [
    {
      meetingId: '0190f0d0-0000-7000-8000-000000000001',
      toAgency: 'EMPLOYMENT',
      meetingDate: '2026-11-27',
      place: 'г. Иркутск, ул. Канадзавы, 2',
      invited: [{ name: 'Петрова О. И.', position: 'ведущий инспектор ЦЗН', agency: 'EMPLOYMENT' }],
      agenda: [
        {
          programmeId: '0190f0d0-0000-7000-8000-0000000000f1',
          applicationId: '0190f0b5-0000-7000-8000-000000000001',
          citizenId: '3b0c6f0e-2a41-8d5c-9a55-0c5e3f1a2b3c',
          direction: 'JOB_SEARCH',
          termMonths: 9,
          activities: [
            {
              kind: 'VOCATIONAL_TRAINING',
              description: 'Обучение по профессии «Повар»',
              responsibleAgency: 'EMPLOYMENT',
              dueDate: '2027-03-31',
            },
          ],
        },
      ],
      sentAt: '2026-11-23T09:00:00.000Z',
    },
  ],
});

export const commissionDecision = z.enum(['APPROVE', 'RETURN_FOR_REWORK', 'REFUSE']);

/** M7 (after): the record of the meeting's decisions (протокол), to the partners that took part. */
export const commissionDecisionsV1 = defineMessage({
  type: 'commission.decisions.v1',
  topic: TOPICS.commission,
  domainRef: 'M7',
  description:
    'The interagency commission (МВК) held its meeting: attendance and one decision per case (approve, return for rework, refuse, with reasons). Key = meeting id.',
  schema: z
    .object({
      meetingId: uuid,
      meetingDate: isoDate,
      attended: z.array(member),
      decisions: z.array(
        z
          .object({
            programmeId: uuid,
            applicationId: uuid,
            citizenId,
            decision: commissionDecision,
            reasons: z.string().max(2000).optional(),
          })
          .strict()
          .refine((d) => d.decision === 'APPROVE' || Boolean(d.reasons?.trim()), {
            path: ['reasons'],
            message: 'a return or a refusal states its reasons',
          }),
      ),
      heldAt: isoDateTime,
    })
    .strict(),
  examples: [
    {
      meetingId: '0190f0d0-0000-7000-8000-000000000001',
      meetingDate: '2026-11-27',
      attended: [{ name: 'Сидоров А. В.', position: 'председатель', agency: 'SOCIAL_PROTECTION' }],
      decisions: [
        {
          programmeId: '0190f0d0-0000-7000-8000-0000000000f1',
          applicationId: '0190f0b5-0000-7000-8000-000000000001',
          citizenId: '3b0c6f0e-2a41-8d5c-9a55-0c5e3f1a2b3c',
          decision: 'APPROVE',
        },
      ],
      heldAt: '2026-11-27T12:00:00.000Z',
    },
  ],
});
