import {
  contractConcludedForEmploymentV1,
  contractStatusChangedV1,
  referralForEmploymentServicesV1,
} from '@sc/contracts';
import { handler, type MessageHandler } from '@sc/messaging';
import type { ServiceDeps } from '@sc/subgraph-kit';
import { acceptReferralForEmploymentServices } from '../../referrals/application/accept-referral-for-employment-services';
import { applyContractStatus, openContractSupport } from '../application/contract-support.use-cases';

/** What ЦСПН sends ЦЗН: referrals (M1), concluded contracts (M2) and their status changes. */
export const socialProtectionHandlers = (deps: ServiceDeps): MessageHandler[] => [
  handler({
    message: referralForEmploymentServicesV1,
    handle: (d, ctx) => acceptReferralForEmploymentServices(deps, d, ctx),
  }),
  handler({
    message: contractConcludedForEmploymentV1,
    handle: (d, ctx) => openContractSupport(deps, d, ctx),
  }),
  handler({ message: contractStatusChangedV1, handle: (d, ctx) => applyContractStatus(d, ctx) }),
];
