import type { ScApplicationResolvers } from '../generated/graphql';
import { referralsOfApplication } from './loaders';

export const ScApplication: ScApplicationResolvers = {
  citizen: (a) => ({ id: a.citizenId }),
  incomingReferrals: (a, _args, ctx) => referralsOfApplication(ctx, a.id),
};
