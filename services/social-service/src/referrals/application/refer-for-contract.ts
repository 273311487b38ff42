import type { EntityManager } from '@mikro-orm/core';
import { authorize, type Principal } from '@sc/auth';
import { referralForContractV1 } from '@sc/contracts';
import { NotFoundError, OPEN_REFERRAL_STATUSES } from '@sc/kernel';
import { personDataOf, writeAudit, type ServiceDeps } from '@sc/subgraph-kit';
import { ServiceApplication } from '../../applications/domain/service-application';
import { INTAKE_ACCESS } from '../../applications/application/register-application';
import { OutgoingReferral, type ReferralBasis } from '../domain/outgoing-referral';

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
export async function referForContract(deps: ServiceDeps, p: Principal, em: EntityManager, input: ReferForContractInput): Promise<OutgoingReferral> {
  authorize(p, INTAKE_ACCESS, 'referCitizenForSocialContract');
  return deps.outbox.transaction(em, async (tx) => {
    const citizen = await deps.directory.get(tx, input.citizenId, 'input.citizenId');
    const application = input.applicationId
      ? await tx.findOne(ServiceApplication, { id: input.applicationId, citizenId: citizen.id })
      : await tx.findOne(ServiceApplication, { citizenId: citizen.id }, { orderBy: { submittedAt: 'desc' } });
    if (!application) throw new NotFoundError('SocialServiceApplication', input.applicationId ?? `of citizen ${citizen.id}`, 'input.applicationId');
    const openReferrals = await tx.find(OutgoingReferral, { citizenId: citizen.id, status: { $in: [...OPEN_REFERRAL_STATUSES] } });
    const referral = OutgoingReferral.sendForContract({
      citizenId: citizen.id,
      applicationId: application.id,
      basis: input.basis,
      comment: input.comment,
      createdBy: p.subject,
      now: new Date(),
      openReferrals,
    });
    tx.persist(referral);
    await tx.flush();
    await deps.outbox.enqueue(tx, referralForContractV1, citizen.id, {
      referralId: referral.id,
      citizenId: citizen.id,
      fromAgency: 'SOCIAL_SERVICE',
      toAgency: 'SOCIAL_PROTECTION',
      senderCaseId: application.id,
      basis: referral.basis,
      comment: referral.comment ?? undefined,
      person: personDataOf(citizen),
      needs: application.needs,
      sentAt: referral.sentAt.toISOString(),
    });
    await writeAudit(tx, p, [{ citizenId: citizen.id, operation: 'referCitizenForSocialContract', action: 'CHANGE', entity: 'SocialServiceReferral', entityId: referral.id }]);
    return referral;
  });
}
