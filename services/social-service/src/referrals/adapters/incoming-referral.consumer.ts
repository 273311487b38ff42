import { referralForUrgentAndAccompanimentV1 } from '@sc/contracts';
import { handler, type MessageHandler } from '@sc/messaging';
import type { ServiceDeps } from '@sc/subgraph-kit';
import { acceptReferralForUrgentServices } from '../application/accept-referral-for-urgent-services';

export const incomingReferralHandlers = (deps: ServiceDeps): MessageHandler[] => [
  handler({
    message: referralForUrgentAndAccompanimentV1,
    handle: (d, ctx) => acceptReferralForUrgentServices(deps, d, ctx),
  }),
];
