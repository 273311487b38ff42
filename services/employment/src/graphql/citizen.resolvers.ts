import { allows } from '@sc/auth';
import { citizenProfile, loadCitizenRecord } from '@sc/subgraph-kit';
import type { CitizenResolvers } from '../generated/graphql';
import { READ_PROFILE } from '../access';

export const Citizen: CitizenResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  employmentProfile: async (c, _a, ctx) => {
    if (!allows(ctx.principal, READ_PROFILE)) return null;
    const rec = await loadCitizenRecord(ctx, c.id);
    if (!rec) return null;
    ctx.audit.read(rec.id, 'Citizen.employmentProfile');
    return citizenProfile(rec);
  },
};
