import { z } from 'zod';
import { citizenId, dateOrder, isoDate, isoDateTime, personData, territory, uuid } from '../common';
import { defineMessage, TOPICS } from '../message-type';
import { assignedActivity, psaActivityKind, scDirection } from './contract';

/** The two partners whose agreement a draft ПСА needs (seed 000, step 3: «с участием представителей ЦЗН и КЦСОН»). */
export const programmePartner = z.enum(['EMPLOYMENT', 'SOCIAL_SERVICE']);

/** A partner's answer to a draft ПСА: its activities agreed, or changes proposed. */
export const programmeAgreementDecision = z.enum(['AGREED', 'CHANGES_PROPOSED']);

/** One activity the partner wants changed, added or removed (free text, the ЦСПН specialist redrafts). */
const proposal = z
  .object({
    activityId: uuid.optional().describe('the activity the proposal is about; absent for a new activity'),
    kind: psaActivityKind.optional(),
    description: z.string().min(1).max(2000),
    dueDate: isoDate.optional(),
  })
  .strict();

/**
 * M7 (drafting): ЦСПН → ЦЗН / КЦСОН. «Разработка программы социальной
 * адаптации с участием представителей ЦЗН и КЦСОН» (seed 000, step 3): the
 * draft ПСА with the activities this partner would carry out, to be agreed
 * or answered with proposals before the programme goes to the commission.
 * Each redraft is a new `revision`; an answer names the revision it is about.
 * Key = citizen id (the citizen's messages stay in order).
 */
export const programmeDraftForAgreementV1 = defineMessage({
  type: 'programme.draft-for-agreement.v1',
  topic: TOPICS.commission,
  addressee: 'toAgency',
  domainRef: 'M7',
  description:
    'A draft social adaptation programme (ПСА) sent to ЦЗН or КЦСОН for agreement of the activities it would carry out. A redraft is a new revision; answers name it. Key = citizen id. Rules: plannedEnd ≥ plannedStart; every activity falls due inside the programme.',
  schema: z
    .object({
      programmeId: uuid,
      revision: z.number().int().min(1),
      applicationId: uuid,
      citizenId,
      person: personData,
      territory: territory.describe('ОКТМО of the district whose ЦСПН drafts the programme'),
      toAgency: programmePartner,
      direction: scDirection,
      termMonths: z.number().int().min(1).max(24),
      plannedStart: isoDate,
      plannedEnd: isoDate,
      activities: z.array(assignedActivity).describe('the activities this partner would carry out'),
      answerBy: isoDate.describe('the date ЦСПН asks the answer by (working days under a regional parameter)'),
      sentAt: isoDateTime,
    })
    .strict()
    .superRefine((d, ctx) => {
      dateOrder(ctx, ['plannedEnd'], d.plannedEnd, d.plannedStart, 'plannedEnd must not be before plannedStart');
      d.activities.forEach((a, i) => {
        const path = ['activities', i, 'dueDate'];
        dateOrder(ctx, path, a.dueDate, d.plannedStart, 'an activity falls due inside the programme');
        dateOrder(ctx, path, d.plannedEnd, a.dueDate, 'an activity falls due inside the programme');
      });
    }),
  examples: [
    {
      programmeId: '0190f0d0-0000-7000-8000-0000000000f1',
      revision: 1,
      applicationId: '0190f0b5-0000-7000-8000-000000000001',
      citizenId: '3b0c6f0e-2a41-8d5c-9a55-0c5e3f1a2b3c',
      person: { snils: '112-233-445 95', lastName: 'Иванова', firstName: 'Мария', birthDate: '1988-04-12' },
      territory: '25701000',
      toAgency: 'EMPLOYMENT',
      direction: 'JOB_SEARCH',
      termMonths: 9,
      plannedStart: '2026-12-01',
      plannedEnd: '2027-08-31',
      activities: [
        {
          activityId: '0190f0d0-0000-7000-8000-0000000000a1',
          kind: 'VOCATIONAL_TRAINING',
          description: 'Обучение по профессии «Повар»',
          dueDate: '2027-03-31',
        },
      ],
      answerBy: '2026-11-27',
      sentAt: '2026-11-23T09:00:00.000Z',
    },
  ],
});

/**
 * M7 (drafting, reply): ЦЗН / КЦСОН → ЦСПН. The partner agreed the
 * activities of one revision of the draft ПСА, or proposed changes (then a
 * comment says which). Key = citizen id.
 */
export const programmeAgreementAnsweredV1 = defineMessage({
  type: 'programme.agreement-answered.v1',
  topic: TOPICS.commission,
  domainRef: 'M7',
  description:
    'ЦЗН or КЦСОН answered a draft ПСА revision: AGREED, or CHANGES_PROPOSED with a comment and proposals. Key = citizen id. Rule: CHANGES_PROPOSED carries a comment.',
  schema: z
    .object({
      programmeId: uuid,
      revision: z.number().int().min(1),
      citizenId,
      fromAgency: programmePartner,
      decision: programmeAgreementDecision,
      comment: z.string().max(2000).optional(),
      proposals: z.array(proposal).max(50).default([]),
      answeredBy: z.string().min(1).max(200).describe('the partner specialist (token subject)'),
      answeredAt: isoDateTime,
    })
    .strict()
    .refine((d) => d.decision === 'AGREED' || Boolean(d.comment?.trim()), {
      path: ['comment'],
      message: 'proposed changes carry a comment',
    }),
  examples: [
    {
      programmeId: '0190f0d0-0000-7000-8000-0000000000f1',
      revision: 1,
      citizenId: '3b0c6f0e-2a41-8d5c-9a55-0c5e3f1a2b3c',
      fromAgency: 'EMPLOYMENT',
      decision: 'CHANGES_PROPOSED',
      comment: 'Обучение на повара начнётся только в феврале',
      proposals: [
        {
          activityId: '0190f0d0-0000-7000-8000-0000000000a1',
          description: 'Перенести срок обучения на 30.04.2027',
          dueDate: '2027-04-30',
        },
      ],
      answeredBy: 'czn-specialist-1',
      answeredAt: '2026-11-24T10:00:00.000Z',
    },
  ],
});
