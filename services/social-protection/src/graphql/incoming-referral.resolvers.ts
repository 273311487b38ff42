import type { IncomingReferralResolvers } from '../generated/graphql';
import { applicationById } from './loaders';

export const IncomingReferral: IncomingReferralResolvers = {
  citizen: (r) => ({ id: r.citizenId }),
  basis: (r) => r.basis as 'LOW_INCOME' | 'HARDSHIP' | 'UNEMPLOYED' | 'OTHER',
  application: (r, _a, ctx) => (r.receiverCaseId ? applicationById(ctx, r.receiverCaseId) : null),
};
