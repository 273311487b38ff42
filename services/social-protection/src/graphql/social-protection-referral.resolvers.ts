import { NotFoundError } from '@sc/kernel';
import { outgoingReferralFields } from '@sc/subgraph-kit';
import type { SocialProtectionReferralResolvers } from '../generated/graphql';
import { applicationById } from './loaders';

export const SocialProtectionReferral: SocialProtectionReferralResolvers = {
  ...outgoingReferralFields,
  application: async (r, _a, ctx) =>
    (await applicationById(ctx, r.senderCaseId)) ?? Promise.reject(new NotFoundError('ScApplication', r.senderCaseId)),
};
