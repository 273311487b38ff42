import type { MessageData } from '@sc/contracts';
import { referralAcceptedV1, referralReceivedV1, type referralForContractV1 } from '@sc/contracts';
import type { HandlerContext } from '@sc/messaging';
import { loadWorkingCalendar, notify, SYSTEM_PRINCIPAL, writeAudit, type ServiceDeps } from '@sc/subgraph-kit';
import { ScApplication } from '../../applications/domain/sc-application';
import { IncomingReferral } from '../domain/incoming-referral';
import { reportReferralProgress } from './report-referral-progress';
import { loadParameters } from '../../parameters/application/parameter.queries';
import { dateOf, referralDeadlines, unassignedTerritory, uuidv7 } from '@sc/kernel';

const system = SYSTEM_PRINCIPAL('SOCIAL_PROTECTION', 'system:incoming-referrals');

/**
 * M4 received: record the referral, register the person if new, open an
 * application (or attach to the open one: a citizen has one application in
 * progress at a time) and reply «принято». All in the consumer's transaction,
 * together with the inbox entry and the outgoing reply.
 */
export async function acceptReferralForContract(
  deps: ServiceDeps,
  d: MessageData<typeof referralForContractV1>,
  ctx: HandlerContext,
): Promise<void> {
  const { em, outbox } = ctx;
  if (await em.findOne(IncomingReferral, { id: d.referralId })) return; // already recorded under another message id
  const served = { said: d.territory, otherwise: unassignedTerritory(deps.config.region) };
  const { citizen } = await deps.directory.register(em, d.person, served, d.citizenId);
  const open = (await em.find(ScApplication, { citizenId: citizen.id }, { orderBy: { submittedAt: 'desc' } })).find(
    (a) => a.isOpen(),
  );
  const receivedAt = deps.clock.now();
  const today = dateOf(receivedAt);
  const params = await loadParameters(em, deps.config.region, today);
  const application =
    open ??
    ScApplication.openFromReferral({
      citizenId: citizen.id,
      territory: citizen.territory,
      fromAgency: d.fromAgency,
      needs: d.needs,
      now: receivedAt,
      params,
    });
  if (!open) await em.persist(application).flush(); // before the referral that references it
  const { appearanceDueOn } = referralDeadlines('FOR_CONTRACT', today, params, await loadWorkingCalendar(em));
  const referral = IncomingReferral.receiveForContract({
    id: d.referralId,
    citizenId: citizen.id,
    territory: citizen.territory,
    fromAgency: d.fromAgency,
    senderCaseId: d.senderCaseId,
    basis: d.basis,
    comment: d.comment ?? null,
    needs: d.needs,
    receivedAt,
    applicationId: application.id,
    appearanceDueOn,
  });
  em.persist(referral);
  await em.flush();
  await outbox.enqueue(em, referralAcceptedV1, citizen.id, {
    referralId: referral.id,
    citizenId: citizen.id,
    senderAgency: d.fromAgency,
    receiverAgency: 'SOCIAL_PROTECTION',
    receiverCaseId: application.id,
    acceptedAt: referral.receivedAt.toISOString(),
  });
  // Joined to an application already under way: the citizen is being served (or decided on) already.
  await reportReferralProgress(em, deps, application, receivedAt);
  // The office's HEAD gives the new case to a specialist: they hear of it (sc.notifications.v1 and their list).
  await notify(em, deps, referralReceivedV1, {
    notificationId: uuidv7(referral.receivedAt.getTime()),
    recipient: application.assignedTo
      ? { subject: application.assignedTo, agency: 'SOCIAL_PROTECTION' }
      : { role: 'HEAD', agency: 'SOCIAL_PROTECTION', territory: application.territory },
    referralId: referral.id,
    fromAgency: d.fromAgency,
    referralType: 'FOR_CONTRACT',
    caseType: 'ScApplication',
    caseId: application.id,
    territory: application.territory,
    receivedAt: referral.receivedAt.toISOString(),
  });
  await writeAudit(em, system, [
    {
      citizenId: citizen.id,
      operation: 'referral.for-contract.v1',
      action: 'CHANGE',
      entity: 'ScApplication',
      entityId: application.id,
    },
  ]);
}
