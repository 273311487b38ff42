import { citizenProfile, visibleCitizenRecord } from '@sc/subgraph-kit';
import type { CitizenResolvers } from '../generated/graphql';
import { READ_PROFILE } from '../access';

/** ЦЗН's fields of the shared Citizen. */
export const Citizen: CitizenResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  employmentProfile: async (c, _a, ctx) => {
    const rec = await visibleCitizenRecord(ctx, READ_PROFILE, c.id, 'employmentProfile');
    return rec ? citizenProfile(rec) : null;
  },
};
