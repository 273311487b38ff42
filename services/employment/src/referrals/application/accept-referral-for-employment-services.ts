import type { MessageData, referralForEmploymentServicesV1 } from '@sc/contracts';
import type { HandlerContext } from '@sc/messaging';
import { receiveReferral, type ServiceDeps } from '@sc/subgraph-kit';
import { loadEmploymentParameters } from '../../parameters/application/employment-parameters';
import { JobSeekerRegistration } from '../../registrations/domain/job-seeker-registration';
import { IncomingEmploymentReferral } from '../domain/incoming-employment-referral';
import { reportReferralProgress } from './report-referral-progress';

/**
 * M1 received: the person is registered in ЦЗН's directory and the referral
 * kept until the citizen comes to register (the registration links it; by
 * REFERRAL_APPEARANCE_WORKING_DAYS_FOR_EMPLOYMENT_SERVICES working days, or it
 * expires); ЦСПН is told it was accepted. A citizen registered already is
 * served by that registration at once: the reply names it, and ЦСПН hears
 * the citizen is in service.
 */
export const acceptReferralForEmploymentServices = async (
  deps: ServiceDeps,
  d: MessageData<typeof referralForEmploymentServicesV1>,
  ctx: HandlerContext,
): Promise<void> => {
  const receipt = await receiveReferral(
    deps,
    ctx,
    { ...d, type: 'FOR_EMPLOYMENT_SERVICES', operation: 'referral.for-employment-services.v1' },
    {
      entity: IncomingEmploymentReferral,
      receiverAgency: 'EMPLOYMENT',
      parameters: loadEmploymentParameters,
      async open({ citizen, now, appearanceDueOn }) {
        const active = (await ctx.em.find(JobSeekerRegistration, { citizenId: citizen.id })).find((r) => r.isActive());
        const referral = IncomingEmploymentReferral.receiveFromSocialProtection({
          id: d.referralId,
          citizenId: citizen.id,
          territory: citizen.territory,
          senderCaseId: d.senderCaseId,
          needs: d.needs,
          proposedDirection: d.proposedDirection ?? null,
          receivedAt: now,
          appearanceDueOn,
          registrationId: active?.id ?? null,
        });
        return active
          ? { referral, caseType: 'JobSeekerRegistration', caseId: active.id, serving: active }
          : { referral, caseType: 'IncomingEmploymentReferral' };
      },
    },
  );
  // A job seeker already: the registration serves the referral from now on (ЦСПН hears the citizen is served).
  if (receipt?.serving) await reportReferralProgress(ctx.em, deps, receipt.serving, receipt.referral.receivedAt);
};
