import { accessLogField, citizenField, citizenProfileField } from '@sc/subgraph-kit';
import type { CitizenResolvers } from '../generated/graphql';
import { READ_CASE, READ_PROFILE } from '../access';
import type { JobSeekerRegistration } from '../registrations/domain/job-seeker-registration';
import { plansOf, registrationsOf, supportOf, trainingOf } from './loaders';

/** ЦЗН's fields of the shared Citizen: the summary for every agency, the case for ЦЗН and ЦСПН; reads audited. */
export const Citizen: CitizenResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  employmentAccessLog: (c, { first }, ctx) => accessLogField(ctx, c.id, 'employmentAccessLog', first),
  employmentProfile: (c, _a, ctx) => citizenProfileField(ctx, READ_PROFILE, c.id, 'employmentProfile'),
  employmentStatus: (c, _a, ctx) =>
    citizenField(
      ctx,
      READ_PROFILE,
      c.id,
      'employmentStatus',
      async (id) => latestStatus(await registrationsOf(ctx, id)),
      null,
    ),
  jobSeekerRegistrations: (c, _a, ctx) =>
    citizenField(ctx, READ_CASE, c.id, 'jobSeekerRegistrations', (id) => registrationsOf(ctx, id), []),
  employmentPlans: (c, _a, ctx) => citizenField(ctx, READ_CASE, c.id, 'employmentPlans', (id) => plansOf(ctx, id), []),
  trainingReferrals: (c, _a, ctx) =>
    citizenField(ctx, READ_CASE, c.id, 'trainingReferrals', (id) => trainingOf(ctx, id), []),
  contractSupport: (c, _a, ctx) =>
    citizenField(ctx, READ_CASE, c.id, 'contractSupport', (id) => supportOf(ctx, id), []),
};

/** Registrations come latest first: the summary is the latest one's. */
const latestStatus = (regs: JobSeekerRegistration[]) => regs[0]?.statusSummary() ?? null;
