import { NotFoundError } from '@sc/kernel';
import type { SocialServiceReferralResolvers } from '../generated/graphql';
import { applicationById } from './loaders';

export const SocialServiceReferral: SocialServiceReferralResolvers = {
  citizen: (r) => ({ id: r.citizenId }),
  application: async (r, _a, ctx) =>
    (await applicationById(ctx, r.senderCaseId)) ??
    Promise.reject(new NotFoundError('SocialServiceApplication', r.senderCaseId)),
};
