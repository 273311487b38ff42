import { citizenProfile, visibleCitizenRecord } from '@sc/subgraph-kit';
import type { CitizenResolvers } from '../generated/graphql';
import { READ_INTAKE } from '../access';
import { applicationsOf, referralsOf } from './loaders';

/** КЦСОН's fields of the shared Citizen. */
export const Citizen: CitizenResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  socialServiceProfile: async (c, _a, ctx) => {
    const rec = await visibleCitizenRecord(ctx, READ_INTAKE, c.id, 'socialServiceProfile');
    return rec ? citizenProfile(rec) : null;
  },
  socialServiceApplications: async (c, _a, ctx) => {
    const rec = await visibleCitizenRecord(ctx, READ_INTAKE, c.id, 'socialServiceApplications');
    return rec ? applicationsOf(ctx, rec.id) : [];
  },
  socialServiceReferrals: async (c, _a, ctx) => {
    const rec = await visibleCitizenRecord(ctx, READ_INTAKE, c.id, 'socialServiceReferrals');
    return rec ? referralsOf(ctx, rec.id) : [];
  },
};
