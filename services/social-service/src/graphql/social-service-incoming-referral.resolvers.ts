import type { SocialServiceIncomingReferralResolvers } from '../generated/graphql';
import { urgentCaseById } from './loaders';

export const SocialServiceIncomingReferral: SocialServiceIncomingReferralResolvers = {
  citizen: (r) => ({ id: r.citizenId }),
  basis: (r) => r.basis as 'LOW_INCOME' | 'HARDSHIP' | 'UNEMPLOYED' | 'OTHER',
  urgentCase: (r, _a, ctx) => (r.receiverCaseId ? urgentCaseById(ctx, r.receiverCaseId) : null),
};
