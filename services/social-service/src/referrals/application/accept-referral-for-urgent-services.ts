import type { MessageData, referralForUrgentAndAccompanimentV1 } from '@sc/contracts';
import { referralAcceptedV1, referralReceivedV1 } from '@sc/contracts';
import { dateOf, referralDeadlines, unassignedTerritory, uuidv7 } from '@sc/kernel';
import type { HandlerContext } from '@sc/messaging';
import { loadWorkingCalendar, notify, SYSTEM_PRINCIPAL, writeAudit, type ServiceDeps } from '@sc/subgraph-kit';
import { loadSocialServiceParameters } from '../../parameters/application/social-service-parameters';
import { UrgentServiceCase } from '../../urgent/domain/urgent-service-case';
import { IncomingSocialServiceReferral } from '../domain/incoming-social-service-referral';

/**
 * ЦСПН's referral for urgent services and accompaniment received (seed 000):
 * the person is registered, an urgent case opens awaiting its immediate
 * decision when the citizen comes (by REFERRAL_APPEARANCE_WORKING_DAYS_FOR_URGENT_AND_ACCOMPANIMENT
 * working days, or it expires), ЦСПН hears it was accepted, and the office's
 * HEAD that a case waits for a specialist. In the consumer's transaction.
 */
export async function acceptReferralForUrgentServices(
  deps: ServiceDeps,
  d: MessageData<typeof referralForUrgentAndAccompanimentV1>,
  { em, outbox }: HandlerContext,
): Promise<void> {
  if (await em.findOne(IncomingSocialServiceReferral, { id: d.referralId })) return;
  const served = { said: d.territory, otherwise: unassignedTerritory(deps.config.region) };
  const { citizen } = await deps.directory.register(em, d.person, served, d.citizenId);
  const now = deps.clock.now();
  const today = dateOf(now);
  const u = UrgentServiceCase.request({
    citizenId: citizen.id,
    territory: citizen.territory,
    anonymous: false,
    channel: 'SOCIAL_PROTECTION_REQUEST',
    notifiedBy: 'ЦСПН',
    identityDocument: 'личность установлена ЦСПН при приёме заявления',
    circumstances: d.comment?.trim() || 'направление ЦСПН: срочные социальные услуги и социальное сопровождение',
    by: 'system:incoming-referrals',
    now,
  });
  u.assignedTo = null; // the office's HEAD gives it to a specialist
  const [params, calendar] = await Promise.all([
    loadSocialServiceParameters(em, deps.config.region, today),
    loadWorkingCalendar(em),
  ]);
  const r = IncomingSocialServiceReferral.receiveFromSocialProtection({
    id: d.referralId,
    citizenId: citizen.id,
    territory: citizen.territory,
    senderCaseId: d.senderCaseId,
    basis: d.basis,
    comment: d.comment ?? null,
    needs: d.needs,
    receivedAt: now,
    urgentCaseId: u.id,
    appearanceDueOn: referralDeadlines('FOR_URGENT_AND_ACCOMPANIMENT', today, params, calendar).appearanceDueOn,
  });
  await em.persist(u).flush(); // before the referral that references it
  em.persist(r);
  await em.flush();
  await outbox.enqueue(em, referralAcceptedV1, citizen.id, {
    referralId: r.id,
    citizenId: citizen.id,
    senderAgency: 'SOCIAL_PROTECTION',
    receiverAgency: 'SOCIAL_SERVICE',
    receiverCaseId: u.id,
    acceptedAt: now.toISOString(),
  });
  await notify(em, deps, referralReceivedV1, {
    notificationId: uuidv7(now.getTime()),
    recipient: { role: 'HEAD', agency: 'SOCIAL_SERVICE', territory: u.territory },
    referralId: r.id,
    fromAgency: 'SOCIAL_PROTECTION',
    referralType: 'FOR_URGENT_AND_ACCOMPANIMENT',
    caseType: 'UrgentServiceCase',
    caseId: u.id,
    territory: u.territory,
    receivedAt: now.toISOString(),
  });
  await writeAudit(em, SYSTEM_PRINCIPAL('SOCIAL_SERVICE', 'system:incoming-referrals'), [
    {
      citizenId: citizen.id,
      operation: 'referral.for-urgent-and-accompaniment.v1',
      action: 'CHANGE',
      entity: 'UrgentServiceCase',
      entityId: u.id,
    },
  ]);
}
