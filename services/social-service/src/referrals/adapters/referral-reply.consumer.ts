import type { EntityManager } from '@mikro-orm/core';
import { referralAcceptedV1, referralReturnedV1 } from '@sc/contracts';
import { NotFoundError } from '@sc/kernel';
import { handler, type MessageHandler } from '@sc/messaging';
import { SYSTEM_PRINCIPAL, writeAudit } from '@sc/subgraph-kit';
import { OutgoingReferral } from '../domain/outgoing-referral';

const system = SYSTEM_PRINCIPAL('SOCIAL_SERVICE', 'system:referral-replies');

/** Applies a reply to the referral it answers; a reply already recorded changes nothing. */
async function applyReply(em: EntityManager, referralId: string, operation: string, apply: (r: OutgoingReferral) => boolean): Promise<void> {
  const r = await em.findOne(OutgoingReferral, { id: referralId });
  if (!r) throw new NotFoundError('SocialServiceReferral', referralId, 'referralId');
  if (!apply(r)) return;
  await em.flush();
  await writeAudit(em, system, [{ citizenId: r.citizenId, operation, action: 'CHANGE', entity: 'SocialServiceReferral', entityId: r.id }]);
}

/** The receiver's reply to a КЦСОН referral (accepted or returned) moves the referral on. */
export const referralReplyHandlers: MessageHandler[] = [
  handler({
    message: referralAcceptedV1,
    accepts: (d) => d.senderAgency === 'SOCIAL_SERVICE',
    handle: (d, { em }) => applyReply(em, d.referralId, referralAcceptedV1.type, (r) => r.accept(d.receiverCaseId, new Date(d.acceptedAt))),
  }),
  handler({
    message: referralReturnedV1,
    accepts: (d) => d.senderAgency === 'SOCIAL_SERVICE',
    handle: (d, { em }) => applyReply(em, d.referralId, referralReturnedV1.type, (r) => r.returnWith(d.reason, new Date(d.returnedAt))),
  }),
];
