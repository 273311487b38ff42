import type { EntityManager } from '@mikro-orm/core';
import { authorize, type Principal } from '@sc/auth';
import { NotFoundError, type OutgoingReferral, type ReferralBasis } from '@sc/kernel';
import { sendReferralForContract, writeAudit, type ServiceDeps } from '@sc/subgraph-kit';
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
export async function referForContract(
  deps: ServiceDeps,
  p: Principal,
  em: EntityManager,
  input: ReferForContractInput,
): Promise<OutgoingReferral> {
  authorize(p, INTAKE_ACCESS, 'referCitizenForSocialContract');
  return deps.outbox.transaction(em, async (tx) => {
    const citizen = await deps.directory.get(tx, input.citizenId, 'input.citizenId');
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
      by: p.subject,
      now: deps.clock.now(),
    });
    await writeAudit(tx, p, [
      {
        citizenId: citizen.id,
        operation: 'referCitizenForSocialContract',
        action: 'CHANGE',
        entity: 'SocialServiceReferral',
        entityId: referral.id,
      },
    ]);
    return referral;
  });
}
