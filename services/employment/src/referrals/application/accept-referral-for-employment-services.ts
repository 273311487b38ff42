import type { MessageData, referralForEmploymentServicesV1 } from '@sc/contracts';
import type { HandlerContext } from '@sc/messaging';
import { receiveReferral, type ServiceDeps } from '@sc/subgraph-kit';
import { loadEmploymentParameters } from '../../parameters/application/employment-parameters';
import { IncomingEmploymentReferral } from '../domain/incoming-employment-referral';

/**
 * M1 received: the person is registered in ЦЗН's directory and the referral
 * kept until the citizen comes to register (the registration links it; by
 * REFERRAL_APPEARANCE_WORKING_DAYS_FOR_EMPLOYMENT_SERVICES working days, or it
 * expires); ЦСПН is told it was accepted.
 */
export const acceptReferralForEmploymentServices = async (
  deps: ServiceDeps,
  d: MessageData<typeof referralForEmploymentServicesV1>,
  ctx: HandlerContext,
): Promise<void> => {
  await receiveReferral(
    deps,
    ctx,
    { ...d, type: 'FOR_EMPLOYMENT_SERVICES', operation: 'referral.for-employment-services.v1' },
    {
      entity: IncomingEmploymentReferral,
      receiverAgency: 'EMPLOYMENT',
      parameters: loadEmploymentParameters,
      open: async ({ citizen, now, appearanceDueOn }) => ({
        caseType: 'IncomingEmploymentReferral',
        referral: IncomingEmploymentReferral.receiveFromSocialProtection({
          id: d.referralId,
          citizenId: citizen.id,
          territory: citizen.territory,
          senderCaseId: d.senderCaseId,
          needs: d.needs,
          proposedDirection: d.proposedDirection ?? null,
          receivedAt: now,
          appearanceDueOn,
        }),
      }),
    },
  );
};
