import { referralForContractV1 } from '@sc/contracts';
import { handler, type MessageHandler } from '@sc/messaging';
import type { ServiceDeps } from '@sc/subgraph-kit';
import { acceptReferralForContract } from '../application/accept-referral-for-contract';

export const referralForContractHandlers = (deps: ServiceDeps): MessageHandler[] => [
  handler({
    message: referralForContractV1,
    handle: (d, ctx) => acceptReferralForContract(deps, d, ctx),
    // The person, the application and the referral of every record in one INSERT per table (issue 15).
    flush: 'batch',
  }),
];
