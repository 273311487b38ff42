import { referralAcceptedV1, referralReturnedV1 } from '@sc/contracts';
import { NotFoundError } from '@sc/kernel';
import { handler, type MessageHandler } from '@sc/messaging';
import { SYSTEM_PRINCIPAL, writeAudit } from '@sc/subgraph-kit';
import { OutgoingReferral } from '../domain/outgoing-referral';

const system = SYSTEM_PRINCIPAL('SOCIAL_SERVICE', 'system:referral-replies');

/** The receiver's reply to a КЦСОН referral (accepted or returned) moves the referral on. */
export const referralReplyHandlers: MessageHandler[] = [
  handler({
    message: referralAcceptedV1,
    accepts: (d) => d.senderAgency === 'SOCIAL_SERVICE',
    async handle(d, { em }) {
      const r = await em.findOne(OutgoingReferral, { id: d.referralId });
      if (!r) throw new NotFoundError('SocialServiceReferral', d.referralId, 'referralId');
      if (r.accept(d.receiverCaseId, new Date(d.acceptedAt))) {
        await em.flush();
        await writeAudit(em, system, [{ citizenId: r.citizenId, operation: 'referral.accepted.v1', action: 'CHANGE', entity: 'SocialServiceReferral', entityId: r.id }]);
      }
    },
  }),
  handler({
    message: referralReturnedV1,
    accepts: (d) => d.senderAgency === 'SOCIAL_SERVICE',
    async handle(d, { em }) {
      const r = await em.findOne(OutgoingReferral, { id: d.referralId });
      if (!r) throw new NotFoundError('SocialServiceReferral', d.referralId, 'referralId');
      if (r.returnWith(d.reason, new Date(d.returnedAt))) {
        await em.flush();
        await writeAudit(em, system, [{ citizenId: r.citizenId, operation: 'referral.returned.v1', action: 'CHANGE', entity: 'SocialServiceReferral', entityId: r.id }]);
      }
    },
  }),
];
