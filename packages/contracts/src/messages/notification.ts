import { z } from 'zod';
import { agency, isoDateTime, territory, uuid } from '../common';
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
