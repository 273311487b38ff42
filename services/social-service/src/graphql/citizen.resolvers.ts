import { allows } from '@sc/auth';
import { citizenProfile, loadCitizenRecord, type RequestContext } from '@sc/subgraph-kit';
import type { CitizenResolvers } from '../generated/graphql';
import { READ_INTAKE } from '../access';
import { applicationsOf, referralsOf } from './loaders';

/**
 * КЦСОН's fields of the shared Citizen. A caller outside READ_INTAKE sees
 * nothing here (null / empty), not an error, so a gateway query that mixes
 * agencies still answers with what the caller may see.
 */
async function visibleRecord(ctx: RequestContext, id: string, field: string) {
  if (!allows(ctx.principal, READ_INTAKE)) return null;
  const rec = await loadCitizenRecord(ctx, id);
  if (rec) ctx.audit.read(rec.id, `Citizen.${field}`);
  return rec;
}

export const Citizen: CitizenResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  socialServiceProfile: async (c, _a, ctx) => {
    const rec = await visibleRecord(ctx, c.id, 'socialServiceProfile');
    return rec ? citizenProfile(rec) : null;
  },
  socialServiceApplications: async (c, _a, ctx) => {
    const rec = await visibleRecord(ctx, c.id, 'socialServiceApplications');
    return rec ? applicationsOf(ctx, rec.id) : [];
  },
  socialServiceReferrals: async (c, _a, ctx) => {
    const rec = await visibleRecord(ctx, c.id, 'socialServiceReferrals');
    return rec ? referralsOf(ctx, rec.id) : [];
  },
};
