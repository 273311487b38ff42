import { FlushMode, type EntityManager } from '@mikro-orm/core';
import {
  referralAcceptedV1,
  referralExpiredV1,
  referralInServiceV1,
  referralResultV1,
  referralReturnedV1,
} from '@sc/contracts';
import { NotFoundError, OutgoingReferral, type Agency } from '@sc/kernel';
import { handler, loadForBatch, type MessageHandler } from '@sc/messaging';
import { SYSTEM_PRINCIPAL, writeAudit, type AuditEntry } from './audit';
import { referralIdOf } from './receive-referral';

/**
 * Applies a reply to the referral it answers; a reply already recorded
 * changes nothing. The change is written at the handler's flush — in a
 * consumer's batch, with the batch's other replies in one UPDATE.
 */
async function applyReply(
  em: EntityManager,
  agency: Agency,
  entity: string,
  referralId: string,
  operation: string,
  apply: (r: OutgoingReferral) => boolean,
): Promise<void> {
  // In a batch, every referral its replies name is read (and locked) at once: then this is the identity map,
  // and nothing the batch changed so far need be written before it (FlushMode.COMMIT: the batch's one UPDATE).
  await loadForBatch(em, OutgoingReferral, referralIdOf);
  const r = await em.findOne(OutgoingReferral, { id: referralId }, { flushMode: FlushMode.COMMIT });
  if (!r) throw new NotFoundError(entity, referralId, 'referralId');
  if (!apply(r)) return;
  const entry: AuditEntry = { citizenId: r.citizenId, operation, action: 'CHANGE', entity, entityId: r.id };
  await writeAudit(em, SYSTEM_PRINCIPAL(agency, 'system:referral-replies'), [entry]);
}

/**
 * The receiver's messages about a referral this agency sent — accepted or
 * returned, the citizen appeared, the result, expired — move the sender's
 * copy on. Each sender maps OutgoingReferral to its own table.
 */
export const referralReplyHandlers = (agency: Agency, entity: string): MessageHandler[] => [
  handler({
    message: referralAcceptedV1,
    flush: 'batch',
    handle: (d, { em }) =>
      applyReply(em, agency, entity, d.referralId, referralAcceptedV1.type, (r) =>
        r.accept(d.receiverCaseId, new Date(d.acceptedAt)),
      ),
  }),
  handler({
    message: referralReturnedV1,
    flush: 'batch',
    handle: (d, { em }) =>
      applyReply(em, agency, entity, d.referralId, referralReturnedV1.type, (r) =>
        r.returnWith(d.reason, new Date(d.returnedAt)),
      ),
  }),
  handler({
    message: referralInServiceV1,
    flush: 'batch',
    handle: (d, { em }) =>
      applyReply(em, agency, entity, d.referralId, referralInServiceV1.type, (r) =>
        r.startService(d.receiverCaseId, new Date(d.inServiceAt)),
      ),
  }),
  handler({
    message: referralResultV1,
    flush: 'batch',
    handle: (d, { em }) =>
      applyReply(em, agency, entity, d.referralId, referralResultV1.type, (r) =>
        r.recordResult({ ...d, at: new Date(d.resultAt) }),
      ),
  }),
  handler({
    message: referralExpiredV1,
    flush: 'batch',
    handle: (d, { em }) =>
      applyReply(em, agency, entity, d.referralId, referralExpiredV1.type, (r) => r.expire(new Date(d.expiredAt))),
  }),
];
