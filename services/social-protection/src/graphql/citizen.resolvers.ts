import { allows } from '@sc/auth';
import { citizenProfile, loadCitizenRecord, type RequestContext } from '@sc/subgraph-kit';
import type { CitizenResolvers } from '../generated/graphql';
import { READ_APPLICATIONS } from '../access';
import { applicationsOf } from './loaders';

async function visibleRecord(ctx: RequestContext, id: string, field: string) {
  if (!allows(ctx.principal, READ_APPLICATIONS)) return null;
  const rec = await loadCitizenRecord(ctx, id);
  if (rec) ctx.audit.read(rec.id, `Citizen.${field}`);
  return rec;
}

/** ЦСПН's fields of the shared Citizen. */
export const Citizen: CitizenResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  socialProtectionProfile: async (c, _a, ctx) => {
    const rec = await visibleRecord(ctx, c.id, 'socialProtectionProfile');
    return rec ? citizenProfile(rec) : null;
  },
  contractApplications: async (c, _a, ctx) => {
    const rec = await visibleRecord(ctx, c.id, 'contractApplications');
    return rec ? applicationsOf(ctx, rec.id) : [];
  },
};
