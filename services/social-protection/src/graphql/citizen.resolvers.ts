import { citizenProfile, visibleCitizenRecord } from '@sc/subgraph-kit';
import type { CitizenResolvers } from '../generated/graphql';
import { READ_APPLICATIONS } from '../access';
import { applicationsOf, contractsOf } from './loaders';

/** ЦСПН's fields of the shared Citizen. */
export const Citizen: CitizenResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  socialProtectionProfile: async (c, _a, ctx) => {
    const rec = await visibleCitizenRecord(ctx, READ_APPLICATIONS, c.id, 'socialProtectionProfile');
    return rec ? citizenProfile(rec) : null;
  },
  contractApplications: async (c, _a, ctx) => {
    const rec = await visibleCitizenRecord(ctx, READ_APPLICATIONS, c.id, 'contractApplications');
    return rec ? applicationsOf(ctx, rec.id) : [];
  },
  socialContracts: async (c, _a, ctx) => {
    const rec = await visibleCitizenRecord(ctx, READ_APPLICATIONS, c.id, 'socialContracts');
    return rec ? contractsOf(ctx, rec.id) : [];
  },
};
