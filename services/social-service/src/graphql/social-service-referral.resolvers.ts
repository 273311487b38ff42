import { NotFoundError } from '@sc/kernel';
import { outgoingReferralFields } from '@sc/subgraph-kit';
import type { SocialServiceReferralResolvers } from '../generated/graphql';
import { applicationById } from './loaders';

export const SocialServiceReferral: SocialServiceReferralResolvers = {
  ...outgoingReferralFields,
  application: async (r, _a, ctx) =>
    (await applicationById(ctx, r.senderCaseId)) ??
    Promise.reject(new NotFoundError('SocialServiceApplication', r.senderCaseId)),
};
