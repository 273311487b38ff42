import { dateOf, referralDeadlines, unassignedTerritory } from '@sc/kernel';
import { referralAcceptedV1, type MessageData, type referralForEmploymentServicesV1 } from '@sc/contracts';
import type { HandlerContext } from '@sc/messaging';
import { loadWorkingCalendar, SYSTEM_PRINCIPAL, writeAudit, type ServiceDeps } from '@sc/subgraph-kit';
import { loadEmploymentParameters } from '../../parameters/application/employment-parameters';
import { IncomingEmploymentReferral } from '../domain/incoming-employment-referral';

/**
 * M1 received: the person is registered in ЦЗН's directory, the referral is
 * kept until the citizen comes to register (the registration links it; by
 * REFERRAL_APPEARANCE_WORKING_DAYS_FOR_EMPLOYMENT_SERVICES working days, or it
 * expires), and ЦСПН is told it was accepted. The reply names the referral as
 * the case: ЦЗН opens none until the citizen comes (referral.in-service.v1
 * then names the registration).
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
  const today = dateOf(now);
  const [params, calendar] = await Promise.all([
    loadEmploymentParameters(em, deps.config.region, today),
    loadWorkingCalendar(em),
  ]);
  const r = IncomingEmploymentReferral.receiveFromSocialProtection({
    id: d.referralId,
    citizenId: citizen.id,
    territory: citizen.territory,
    senderCaseId: d.senderCaseId,
    needs: d.needs,
    proposedDirection: d.proposedDirection ?? null,
    receivedAt: now,
    appearanceDueOn: referralDeadlines('FOR_EMPLOYMENT_SERVICES', today, params, calendar).appearanceDueOn,
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
