import { citizenProfile, visibleCitizenRecord } from '@sc/subgraph-kit';
import type { CitizenResolvers } from '../generated/graphql';
import { READ_CASE, READ_PROFILE } from '../access';
import { plansOf, registrationsOf, supportOf, trainingOf } from './loaders';

/** ЦЗН's fields of the shared Citizen: the summary for every agency, the case for ЦЗН and ЦСПН. */
export const Citizen: CitizenResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  employmentProfile: async (c, _a, ctx) => {
    const rec = await visibleCitizenRecord(ctx, READ_PROFILE, c.id, 'employmentProfile');
    return rec ? citizenProfile(rec) : null;
  },
  employmentStatus: async (c, _a, ctx) => {
    const rec = await visibleCitizenRecord(ctx, READ_PROFILE, c.id, 'employmentStatus');
    const latest = rec ? (await registrationsOf(ctx, rec.id))[0] : undefined;
    if (!latest) return null;
    return {
      registered: latest.isActive(),
      status: latest.status,
      registeredOn: latest.registeredOn,
      employed: latest.status === 'EMPLOYED',
      category: latest.category ?? null,
    };
  },
  jobSeekerRegistrations: async (c, _a, ctx) => {
    const rec = await visibleCitizenRecord(ctx, READ_CASE, c.id, 'jobSeekerRegistrations');
    return rec ? registrationsOf(ctx, rec.id) : [];
  },
  employmentPlans: async (c, _a, ctx) => {
    const rec = await visibleCitizenRecord(ctx, READ_CASE, c.id, 'employmentPlans');
    return rec ? plansOf(ctx, rec.id) : [];
  },
  trainingReferrals: async (c, _a, ctx) => {
    const rec = await visibleCitizenRecord(ctx, READ_CASE, c.id, 'trainingReferrals');
    return rec ? trainingOf(ctx, rec.id) : [];
  },
  contractSupport: async (c, _a, ctx) => {
    const rec = await visibleCitizenRecord(ctx, READ_CASE, c.id, 'contractSupport');
    return rec ? supportOf(ctx, rec.id) : [];
  },
};
