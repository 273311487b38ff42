import type { EntityManager } from '@mikro-orm/core';
import { returnReferral, type CaseContext } from '@sc/subgraph-kit';
import { CASE_WORK } from '../../access';
import { UrgentServiceCase } from '../../urgent/domain/urgent-service-case';
import { IncomingSocialServiceReferral } from '../domain/incoming-social-service-referral';

/**
 * Вернуть направление ЦСПН (не тот КЦСОН, неполные сведения), пока гражданин
 * не явился; ЦСПН видит причину. The urgent case opened for it is refused
 * with the same reason, so no worklist keeps it.
 */
export const returnSocialServiceIncomingReferral = (ctx: CaseContext, i: { referralId: string; reason: string }) =>
  returnReferral(
    ctx,
    {
      operation: 'returnSocialServiceIncomingReferral',
      rule: CASE_WORK,
      entity: IncomingSocialServiceReferral,
      receiverAgency: 'SOCIAL_SERVICE',
      also: (tx, r, at) => refuseUnattendedCase(tx, r, `направление возвращено: ${r.returnReason}`, at),
    },
    i,
  );

/** The urgent case a referral opened, refused when the referral ends without the citizen (returned, expired). */
export async function refuseUnattendedCase(
  tx: EntityManager,
  r: IncomingSocialServiceReferral,
  reason: string,
  at: Date,
): Promise<void> {
  const u = r.receiverCaseId ? await tx.findOne(UrgentServiceCase, { id: r.receiverCaseId }) : null;
  if (u?.status !== 'REQUESTED') return;
  u.decide(false, reason, at);
  await tx.flush();
}
