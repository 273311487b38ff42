import type { EntityManager } from '@mikro-orm/core';
import { returnReferral, type CaseContext } from '@sc/subgraph-kit';
import { CASE_WORK } from '../../access';
import { ScApplication } from '../../applications/domain/sc-application';
import { IncomingReferral, referralProgressOf } from '../domain/incoming-referral';

/**
 * Вернуть направление (wrong addressee, incomplete): while the citizen has
 * not appeared, with the reason, which goes back to the sender (M4 reply).
 * The application opened from it closes too when nothing else holds it.
 */
export const returnIncomingReferral = (ctx: CaseContext, i: { referralId: string; reason: string }) =>
  returnReferral(
    ctx,
    {
      operation: 'returnIncomingReferral',
      rule: CASE_WORK,
      entity: IncomingReferral,
      receiverAgency: 'SOCIAL_PROTECTION',
      also: closeUnattendedApplication,
    },
    i,
  );

/**
 * The application a referral opened, closed (WITHDRAWN) when the referral
 * ends without the citizen — returned or expired — and no other open
 * referral or the citizen's own data keeps it.
 */
export async function closeUnattendedApplication(tx: EntityManager, r: IncomingReferral, at: Date): Promise<void> {
  if (!r.receiverCaseId) return;
  const a = await tx.findOne(ScApplication, { id: r.receiverCaseId });
  if (!a?.isOpen() || referralProgressOf(a).appeared) return;
  const others = await tx.count(IncomingReferral, {
    receiverCaseId: a.id,
    id: { $ne: r.id },
    status: { $in: ['ACCEPTED', 'IN_SERVICE'] },
  });
  if (others) return;
  a.apply('withdraw');
  a.decidedAt = at;
  await tx.flush();
}
