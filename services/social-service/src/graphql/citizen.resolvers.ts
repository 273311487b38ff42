import { authorize } from '@sc/auth';
import { citizenProfile, loadCitizenRecord, visibleCitizenRecord } from '@sc/subgraph-kit';
import type { CitizenResolvers } from '../generated/graphql';
import { READ_INTAKE, READ_SENSITIVE, READ_SERVICES } from '../access';
import { accompanimentOf, applicationsOf, preventionOf, referralsOf, urgentCasesOf } from './loaders';

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
  urgentServiceCases: async (c, _a, ctx) => {
    const rec = await visibleCitizenRecord(ctx, READ_SERVICES, c.id, 'urgentServiceCases');
    return rec ? urgentCasesOf(ctx, rec.id) : [];
  },
  accompanimentCases: async (c, _a, ctx) => {
    const rec = await visibleCitizenRecord(ctx, READ_SERVICES, c.id, 'accompanimentCases');
    return rec ? accompanimentOf(ctx, rec.id) : [];
  },
  /** The most sensitive field: refused outright to anyone but КЦСОН case workers, and every read audited. */
  preventionCases: async (c, _a, ctx) => {
    authorize(ctx.principal, READ_SENSITIVE, 'Citizen.preventionCases');
    const rec = await loadCitizenRecord(ctx, c.id);
    if (!rec) return [];
    ctx.audit.read(rec.id, 'Citizen.preventionCases');
    return preventionOf(ctx, rec.id);
  },
};
