import { findCase, inChange, returnReceivedReferral, type CaseContext } from '@sc/subgraph-kit';
import { CASE_WORK } from '../../access';
import { IncomingEmploymentReferral } from '../domain/incoming-employment-referral';

/** Вернуть направление ЦСПН (не тот ЦЗН, неполные сведения), пока гражданин не явился; ЦСПН видит причину. */
export function returnEmploymentIncomingReferral(
  ctx: CaseContext,
  i: { referralId: string; reason: string },
): Promise<IncomingEmploymentReferral> {
  return inChange(ctx, 'returnEmploymentIncomingReferral', CASE_WORK, async (tx, c) => {
    const r = await findCase(tx, c, IncomingEmploymentReferral, i.referralId, 'input.referralId');
    await returnReceivedReferral(tx, ctx.deps, r, {
      receiverAgency: 'EMPLOYMENT',
      reason: i.reason,
      by: c.by,
      at: c.now,
    });
    c.audit(r, 'IncomingEmploymentReferral', r.id);
    return r;
  });
}
