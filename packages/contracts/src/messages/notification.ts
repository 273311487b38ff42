import { z } from 'zod';
import { agency, citizenId, isoDate, isoDateTime, territory, uuid } from '../common';
import { defineMessage, TOPICS } from '../message-type';

/**
 * Назначение ответственного: a HEAD assigned (or reassigned) a case to a
 * specialist, who should see it in their worklist. No personal data: the
 * recipient opens the case through the gateway.
 */
export const caseAssignedV1 = defineMessage({
  type: 'notification.case-assigned.v1',
  topic: TOPICS.notifications,
  description:
    'A case was assigned to a specialist (by a HEAD, one case or many at once); addressed to that specialist. Key = the recipient subject.',
  schema: z
    .object({
      notificationId: uuid.describe('One per recipient and case assignment; deduplicate on it'),
      recipient: z.object({ subject: z.string().min(1).max(200), agency }).strict(),
      caseType: z.string().min(1).max(100).describe('e.g. ScApplication, SocialContract, UrgentServiceCase'),
      caseId: uuid,
      territory,
      previousAssignee: z.string().max(200).nullable(),
      assignedBy: z.string().min(1).max(200),
      assignedAt: isoDateTime,
    })
    .strict(),
  examples: [
    {
      notificationId: '0190f0b4-7a5e-7c1a-8b1e-2b6c7a9d0e31',
      recipient: { subject: 'petrova', agency: 'SOCIAL_PROTECTION' },
      caseType: 'ScApplication',
      caseId: '0190f0b4-7a5e-7c1a-8b1e-2b6c7a9d0e10',
      territory: '25701000',
      previousAssignee: 'ivanova',
      assignedBy: 'head-irkutsk',
      assignedAt: '2026-11-30T10:00:00.000Z',
    },
  ],
});

/**
 * Параметр не введён: a dated regional parameter the system will need soon is
 * missing — the ПМ of the next year by 1 December (only the 2025–2026 values
 * are seeded: without the 2027 ПМ every means test and contract of 2027 is
 * refused). Addressed to a role at an office (the region's ADMINs), not to a
 * person. Key = `<agency>:<role>:<territory>`.
 */
export const parameterMissingV1 = defineMessage({
  type: 'notification.parameter-missing.v1',
  topic: TOPICS.notifications,
  description:
    'A regional parameter needed from a coming date is not entered yet (e.g. the next year’s ПМ by 1 December); addressed to the region’s ADMINs. Sent once per parameter and date. Key = agency:role:territory.',
  schema: z
    .object({
      notificationId: uuid.describe('One per parameter, region and date it is needed from; deduplicate on it'),
      recipient: z
        .object({ role: z.literal('ADMIN'), agency, territory: territory.describe('The region (its ОКТМО)') })
        .strict(),
      parameter: z.enum(['SUBSISTENCE_MINIMUM']).describe('SUBSISTENCE_MINIMUM = прожиточный минимум'),
      region: z.string().regex(/^\d{2}$/, 'the two-digit ОКТМО prefix of the region'),
      year: z.number().int().min(2000).max(2100),
      missing: z.array(z.string().min(1).max(40)).min(1).describe('What is missing, e.g. the territorial zones'),
      neededFrom: isoDate.describe('The first day a missing value will be asked for'),
      detectedAt: isoDateTime,
    })
    .strict(),
  examples: [
    {
      notificationId: '0190f0b4-7a5e-7c1a-8b1e-2b6c7a9d0e41',
      recipient: { role: 'ADMIN', agency: 'SOCIAL_PROTECTION', territory: '25000000' },
      parameter: 'SUBSISTENCE_MINIMUM',
      region: '25',
      year: 2027,
      missing: ['WHOLE_REGION', 'FAR_NORTH', 'OTHER_AREAS'],
      neededFrom: '2027-01-01',
      detectedAt: '2026-12-01T01:00:00.000Z',
    },
  ],
});

/** Whom a notification is for: one person (a token subject) or a role at an office (a territory). */
const recipient = z.union([
  z.object({ subject: z.string().min(1).max(200), agency }).strict(),
  z.object({ role: z.enum(['SPECIALIST', 'HEAD', 'ADMIN']), agency, territory }).strict(),
]);

/**
 * Срок приближается / срок пропущен: a deadline of a case (a decision due
 * in 10 or 30 days, a monthly report, a control visit, a payment, the
 * contract's end, its evaluation, a post-contract checkpoint, a repayment)
 * is near or has passed. Addressed to the case's specialist, or to the
 * office's HEAD when nobody is assigned. Sent once per case, deadline and
 * stage, however often the check runs. Key = the recipient (subject, or
 * agency:role:territory).
 */
export const deadlineV1 = defineMessage({
  type: 'notification.deadline.v1',
  topic: TOPICS.notifications,
  description:
    'A deadline of a case is approaching (within the regional DEADLINE_WARNING_DAYS) or was missed; once per case, deadline and stage. Key = recipient subject, or agency:role:territory.',
  schema: z
    .object({
      notificationId: uuid.describe('One per case, deadline and stage; deduplicate on it'),
      recipient,
      stage: z.enum(['APPROACHING', 'MISSED']),
      kind: z
        .string()
        .regex(/^[A-Z_]{3,60}$/)
        .describe(
          'e.g. APPLICATION_DECISION, MONTHLY_REPORT, CONTROL_VISIT, CONTRACT_END, EFFECTIVENESS_EVALUATION, REPROFILING, NEED_DECISION, INDIVIDUAL_PROGRAMME, PREVENTION_CHECK',
        ),
      dueDate: isoDate.describe('The region’s calendar day the deadline falls on'),
      description: z.string().min(1).max(300).describe('What is due, in Russian (no personal data)'),
      caseType: z
        .string()
        .regex(/^[A-Z][A-Za-z]{2,60}$/)
        .describe('ScApplication, SocialContract, JobSeekerRegistration, AccompanimentCase, PreventionCase'),
      caseId: uuid,
      territory,
      detectedAt: isoDateTime,
    })
    .strict(),
  examples: [
    {
      notificationId: '0190f0b4-7a5e-7c1a-8b1e-2b6c7a9d0e51',
      recipient: { subject: 'petrova', agency: 'SOCIAL_PROTECTION' },
      stage: 'MISSED',
      kind: 'APPLICATION_DECISION',
      dueDate: '2026-12-03',
      description: 'решение о назначении помощи',
      caseType: 'ScApplication',
      caseId: '0190f0b4-7a5e-7c1a-8b1e-2b6c7a9d0e10',
      territory: '25701000',
      detectedAt: '2026-12-04T01:00:00.000Z',
    },
  ],
});

/**
 * Уведомление гражданину (DOMAIN.md M10): what ЦСПН decided or expects of
 * the citizen — the decision on the application (approval, or refusal with
 * its reasons), the contract concluded with its payment schedule, the
 * monthly report due, an extension, the termination with its ground, the
 * repayment demanded with its amount and due date. For an integrator that
 * delivers SMS or portal (ЕПГУ) messages; it finds the person's contacts by
 * the citizen key in its own link to ЦСПН. Key = citizen id.
 */
export const citizenNoticeV1 = defineMessage({
  type: 'notification.citizen-notice.v1',
  topic: TOPICS.notifications,
  description:
    'A notice to the citizen (M10): decision on the application, contract concluded with its payment schedule, monthly report due, extension, termination, repayment demanded; in a non-fulfilment chain the request for an explanation, the decision on a good cause, the warning and the decision on an appeal. Key = citizen id.',
  schema: z
    .object({
      noticeId: uuid.describe('One per notice; deduplicate on it'),
      citizenId,
      kind: z
        .enum([
          'APPLICATION_APPROVED',
          'APPLICATION_REFUSED',
          'CONTRACT_CONCLUDED',
          'MONTHLY_REPORT_DUE',
          'CONTRACT_EXTENDED',
          'CONTRACT_TERMINATED',
          'REPAYMENT_DEMANDED',
          'EXPLANATION_REQUESTED',
          'GOOD_CAUSE_ACCEPTED',
          'GOOD_CAUSE_REJECTED',
          'WARNING_ISSUED',
          'APPEAL_DECIDED',
        ])
        .describe(
          'Open enum: kinds are added within v1 (the non-fulfilment chain added the last five); a consumer shows the text of a kind it does not know',
        ),
      text: z.string().min(1).max(2000).describe('The notice as the citizen reads it, in Russian'),
      caseType: z.enum(['ScApplication', 'SocialContract']),
      caseId: uuid,
      territory,
      reasons: z.string().max(2000).optional().describe('A refusal’s reasons; a termination’s ground'),
      dueDate: isoDate.optional().describe('The report’s or the repayment’s due day'),
      amountKopecks: z.number().int().nonnegative().optional().describe('The repayment demanded, kopecks'),
      endDate: isoDate.optional().describe('The contract’s (new) end'),
      payments: z
        .array(
          z
            .object({
              no: z.number().int().positive(),
              purpose: z.string().max(300),
              dueDate: isoDate.nullable(),
              amountKopecks: z.number().int().nonnegative(),
            })
            .strict(),
        )
        .optional()
        .describe('The payment schedule of a concluded contract'),
      issuedAt: isoDateTime,
    })
    .strict(),
  examples: [
    {
      noticeId: '0190f0b4-7a5e-7c1a-8b1e-2b6c7a9d0e61',
      citizenId: '0190f0b4-7a5e-8c1a-8b1e-2b6c7a9d0e00',
      kind: 'REPAYMENT_DEMANDED',
      text: 'Социальный контракт расторгнут. Необходимо возвратить 45 000,00 ₽ до 2027-03-01.',
      caseType: 'SocialContract',
      caseId: '0190f0b4-7a5e-7c1a-8b1e-2b6c7a9d0e20',
      territory: '25701000',
      amountKopecks: 4_500_000,
      dueDate: '2027-03-01',
      issuedAt: '2026-12-01T01:00:00.000Z',
    },
  ],
});

/**
 * Направление получено: another agency's referral opened (or joined) a case
 * here; addressed to the office's HEAD, who gives it to a specialist. Key =
 * agency:role:territory.
 */
export const referralReceivedV1 = defineMessage({
  type: 'notification.referral-received.v1',
  topic: TOPICS.notifications,
  description:
    'A referral from another agency was received and opened (or joined) a case; addressed to the receiving office’s HEAD. Key = agency:role:territory.',
  schema: z
    .object({
      notificationId: uuid.describe('One per referral received; deduplicate on it'),
      recipient,
      referralId: uuid,
      fromAgency: agency,
      referralType: z
        .string()
        .regex(/^[A-Z_]{3,60}$/)
        .describe('e.g. FOR_CONTRACT'),
      caseType: z.string().regex(/^[A-Z][A-Za-z]{2,60}$/),
      caseId: uuid,
      territory,
      receivedAt: isoDateTime,
    })
    .strict(),
  examples: [
    {
      notificationId: '0190f0b4-7a5e-7c1a-8b1e-2b6c7a9d0e71',
      recipient: { role: 'HEAD', agency: 'SOCIAL_PROTECTION', territory: '25701000' },
      referralId: '0190f0b4-7a5e-7c1a-8b1e-2b6c7a9d0e72',
      fromAgency: 'SOCIAL_SERVICE',
      referralType: 'FOR_CONTRACT',
      caseType: 'ScApplication',
      caseId: '0190f0b4-7a5e-7c1a-8b1e-2b6c7a9d0e10',
      territory: '25701000',
      receivedAt: '2026-11-30T10:00:00.000Z',
    },
  ],
});

/**
 * Направление не принято в срок: a referral sent to another agency has had
 * no answer within the acceptance deadline (REFERRAL_ACCEPTANCE_WORKING_DAYS,
 * working days). The sender tells its own specialist (OVERDUE) and escalates
 * to the receiving office's HEAD (ESCALATED): that agency keeps it in its
 * HEAD's list. Once per referral and stage. Key = recipient subject, or
 * agency:role:territory.
 */
export const referralOverdueV1 = defineMessage({
  type: 'notification.referral-overdue.v1',
  topic: TOPICS.notifications,
  description:
    'A referral to another agency was not accepted, or got no result, within its deadline: OVERDUE to the sender’s specialist, ESCALATED to the receiving office’s HEAD. Key = recipient subject, or agency:role:territory.',
  schema: z
    .object({
      notificationId: uuid.describe('One per referral and stage; deduplicate on it'),
      recipient,
      stage: z.enum(['OVERDUE', 'ESCALATED']),
      referralId: uuid,
      referralType: z
        .string()
        .regex(/^[A-Z_]{3,60}$/)
        .describe('e.g. FOR_CONTRACT'),
      fromAgency: agency,
      toAgency: agency,
      territory,
      sentAt: isoDateTime,
      acceptanceDue: isoDate.describe('The last working day the receiver had to accept it'),
      breach: z
        .enum(['ACCEPTANCE', 'RESULT'])
        .optional()
        .describe('Which deadline was missed: not accepted in time (also when absent), or no result in time'),
      resultDue: isoDate.optional().describe('The last working day for the result (when `breach` is RESULT)'),
      detectedAt: isoDateTime,
    })
    .strict(),
  examples: [
    {
      notificationId: '0190f0b4-7a5e-7c1a-8b1e-2b6c7a9d0e81',
      recipient: { role: 'HEAD', agency: 'SOCIAL_PROTECTION', territory: '25701000' },
      stage: 'ESCALATED',
      referralId: '0190f0b4-7a5e-7c1a-8b1e-2b6c7a9d0e82',
      referralType: 'FOR_CONTRACT',
      fromAgency: 'SOCIAL_SERVICE',
      toAgency: 'SOCIAL_PROTECTION',
      territory: '25701000',
      sentAt: '2026-11-27T10:00:00.000Z',
      acceptanceDue: '2026-12-01',
      detectedAt: '2026-12-02T00:30:00.000Z',
    },
  ],
});
