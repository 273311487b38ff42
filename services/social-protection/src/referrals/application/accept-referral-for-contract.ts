import type { MessageData, referralForContractV1 } from '@sc/contracts';
import type { HandlerContext } from '@sc/messaging';
import { receiveReferral, type ServiceDeps } from '@sc/subgraph-kit';
import { ScApplication } from '../../applications/domain/sc-application';
import { loadParameters } from '../../parameters/application/parameter.queries';
import { IncomingReferral } from '../domain/incoming-referral';
import { reportReferralProgress } from './report-referral-progress';

/**
 * M4 received: record the referral, register the person if new, open an
 * application (or attach to the open one: a citizen has one application in
 * progress at a time) and reply «принято». All in the consumer's transaction,
 * together with the inbox entry and the outgoing reply. The specialist on
 * the case, or the office's HEAD who gives it to one, hears of it.
 */
export async function acceptReferralForContract(
  deps: ServiceDeps,
  d: MessageData<typeof referralForContractV1>,
  ctx: HandlerContext,
): Promise<void> {
  const receipt = await receiveReferral(
    deps,
    ctx,
    { ...d, type: 'FOR_CONTRACT', operation: 'referral.for-contract.v1' },
    {
      entity: IncomingReferral,
      receiverAgency: 'SOCIAL_PROTECTION',
      parameters: loadParameters,
      async open({ citizen, newCitizen, now, params, appearanceDueOn }) {
        // A citizen registered just now has no application to join (most referrals: one lookup fewer).
        const all = newCitizen
          ? []
          : await ctx.em.find(ScApplication, { citizenId: citizen.id }, { orderBy: { submittedAt: 'desc' } });
        const open = all.find((a) => a.isOpen());
        const application =
          open ??
          ScApplication.openFromReferral({
            citizenId: citizen.id,
            territory: citizen.territory,
            fromAgency: d.fromAgency,
            needs: d.needs,
            now,
            params,
          });
        // Inserted before the referral at the flush: the referral's schema declares the reference.
        if (!open) ctx.em.persist(application);
        const referral = IncomingReferral.receiveForContract({
          id: d.referralId,
          citizenId: citizen.id,
          territory: citizen.territory,
          fromAgency: d.fromAgency,
          senderCaseId: d.senderCaseId,
          basis: d.basis,
          comment: d.comment ?? null,
          needs: d.needs,
          receivedAt: now,
          applicationId: application.id,
          appearanceDueOn,
        });
        const tell = application.assignedTo
          ? ({ subject: application.assignedTo, agency: 'SOCIAL_PROTECTION' } as const)
          : ({ role: 'HEAD', agency: 'SOCIAL_PROTECTION', territory: application.territory } as const);
        // Only an application already under way can have progress to report to the sender.
        return { referral, caseType: 'ScApplication', caseId: application.id, tell, serving: open };
      },
    },
  );
  if (!receipt?.serving) return;
  // Joined to an application already under way: the citizen is being served (or decided on) already.
  // (A new application has nothing to report: the citizen has not come yet, nothing is decided.)
  await reportReferralProgress(ctx.em, deps, receipt.serving, receipt.referral.receivedAt);
}
