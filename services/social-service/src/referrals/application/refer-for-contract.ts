import { NotFoundError, type OutgoingReferral, type ReferralBasis } from '@sc/kernel';
import { loadSocialServiceParameters } from '../../parameters/application/social-service-parameters';
import { inChange, sendReferralForContract, type CaseContext } from '@sc/subgraph-kit';
import { ServiceApplication } from '../../applications/domain/service-application';
import { INTAKE_ACCESS } from '../../applications/application/register-application';

export interface ReferForContractInput {
  citizenId: string;
  applicationId?: string | null;
  basis: ReferralBasis;
  comment?: string | null;
}

/**
 * Направление в ЦСПН для заключения социального контракта (M4). The referral
 * row, its audit entry and the outgoing message commit in one transaction.
 */
export function referForContract(ctx: CaseContext, input: ReferForContractInput): Promise<OutgoingReferral> {
  const { deps } = ctx;
  return inChange(ctx, 'referCitizenForSocialContract', INTAKE_ACCESS, async (tx, c) => {
    const citizen = await deps.directory.get(tx, input.citizenId, 'input.citizenId');
    c.guard(citizen);
    const application = input.applicationId
      ? await tx.findOne(ServiceApplication, { id: input.applicationId, citizenId: citizen.id })
      : await tx.findOne(ServiceApplication, { citizenId: citizen.id }, { orderBy: { submittedAt: 'desc' } });
    if (!application)
      throw new NotFoundError(
        'SocialServiceApplication',
        input.applicationId ?? `of citizen ${citizen.id}`,
        'input.applicationId',
      );
    const referral = await sendReferralForContract(deps, tx, {
      fromAgency: 'SOCIAL_SERVICE',
      citizen,
      senderCaseId: application.id,
      needs: application.needs,
      basis: input.basis,
      comment: input.comment,
      by: c.by,
      now: c.now,
      parameters: loadSocialServiceParameters,
    });
    c.audit(referral, 'SocialServiceReferral', referral.id);
    return referral;
  });
}
