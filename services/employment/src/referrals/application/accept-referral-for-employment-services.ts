import { unassignedTerritory } from '@sc/kernel';
import { referralAcceptedV1, type MessageData, type referralForEmploymentServicesV1 } from '@sc/contracts';
import type { HandlerContext } from '@sc/messaging';
import { SYSTEM_PRINCIPAL, writeAudit, type ServiceDeps } from '@sc/subgraph-kit';
import { IncomingEmploymentReferral } from '../domain/incoming-employment-referral';

/**
 * M1 received: the person is registered in ЦЗН's directory, the referral is
 * kept until the citizen comes to register (the registration links it), and
 * ЦСПН is told it was accepted.
 */
export async function acceptReferralForEmploymentServices(
  deps: ServiceDeps,
  d: MessageData<typeof referralForEmploymentServicesV1>,
  { em, outbox }: HandlerContext,
): Promise<void> {
  if (await em.findOne(IncomingEmploymentReferral, { id: d.referralId })) return;
  const served = { said: d.territory, otherwise: unassignedTerritory(deps.config.region) };
  const { citizen } = await deps.directory.register(em, d.person, served, d.citizenId);
  const now = deps.clock.now();
  const r = Object.assign(new IncomingEmploymentReferral(), {
    id: d.referralId,
    citizenId: citizen.id,
    territory: citizen.territory,
    senderCaseId: d.senderCaseId,
    needs: d.needs,
    proposedDirection: d.proposedDirection ?? null,
    receivedAt: now,
    registrationId: null,
  });
  em.persist(r);
  await em.flush();
  await outbox.enqueue(em, referralAcceptedV1, citizen.id, {
    referralId: r.id,
    citizenId: citizen.id,
    senderAgency: 'SOCIAL_PROTECTION',
    receiverAgency: 'EMPLOYMENT',
    receiverCaseId: r.id,
    acceptedAt: now.toISOString(),
  });
  await writeAudit(em, SYSTEM_PRINCIPAL('EMPLOYMENT', 'system:incoming-referrals'), [
    {
      citizenId: citizen.id,
      operation: 'referral.for-employment-services.v1',
      action: 'CHANGE',
      entity: 'IncomingEmploymentReferral',
      entityId: r.id,
    },
  ]);
}
