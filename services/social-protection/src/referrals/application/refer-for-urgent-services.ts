import { referralForUrgentAndAccompanimentV1 } from '@sc/contracts';
import { ConflictError, type OutgoingReferral, type ReferralBasis } from '@sc/kernel';
import { findCase, inChange, personDataOf, recordOutgoingReferral, type CaseContext } from '@sc/subgraph-kit';
import { CASE_WORK } from '../../access';
import { ScApplication } from '../../applications/domain/sc-application';
import { loadParameters } from '../../parameters/application/parameter.queries';

/**
 * Направление гражданина в КЦСОН с целью оказания срочных социальных услуг и
 * социального сопровождения (seed 000, ЦСПН → КЦСОН) — outside a contract:
 * a citizen refused by the means test, or in need while the application is
 * decided. Under a contract КЦСОН is asked by the conclusion notice (M5).
 * One open referral of this kind per citizen; КЦСОН opens an urgent case.
 */
export function referCitizenForUrgentServices(
  ctx: CaseContext,
  i: { applicationId: string; basis: ReferralBasis; comment?: string | null },
): Promise<OutgoingReferral> {
  return inChange(ctx, 'referCitizenForUrgentServices', CASE_WORK, async (tx, c) => {
    const a = await findCase(tx, c, ScApplication, i.applicationId, 'input.applicationId');
    if (a.status === 'CONTRACTED')
      throw new ConflictError('UNDER_CONTRACT', 'under a social contract КЦСОН is asked by the contract notice (M5)', {
        field: 'input.applicationId',
        rule: 'OUTSIDE_A_CONTRACT',
        currentState: a.status,
      });
    const citizen = await ctx.deps.directory.get(tx, a.citizenId);
    const r = await recordOutgoingReferral(ctx.deps, tx, {
      citizenId: a.citizenId,
      territory: a.territory,
      senderCaseId: a.id,
      type: 'FOR_URGENT_AND_ACCOMPANIMENT',
      toAgency: 'SOCIAL_SERVICE',
      basis: i.basis,
      comment: i.comment,
      createdBy: c.by,
      now: c.now,
      parameters: loadParameters,
    });
    await ctx.deps.outbox.enqueue(tx, referralForUrgentAndAccompanimentV1, a.citizenId, {
      referralId: r.id,
      citizenId: a.citizenId,
      fromAgency: 'SOCIAL_PROTECTION',
      toAgency: 'SOCIAL_SERVICE',
      senderCaseId: a.id,
      basis: r.basis,
      comment: r.comment ?? undefined,
      person: personDataOf(citizen),
      needs: a.needs,
      territory: a.territory,
      sentAt: c.now.toISOString(),
    });
    c.audit(r, 'SocialProtectionReferral', r.id);
    return r;
  });
}
