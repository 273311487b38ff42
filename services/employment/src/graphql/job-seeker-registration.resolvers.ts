import { todayOf } from '@sc/subgraph-kit';
import { allows } from '@sc/auth';
import type { JobSeekerRegistrationResolvers } from '../generated/graphql';
import { READ_PROFILING } from '../access';

export const JobSeekerRegistration: JobSeekerRegistrationResolvers = {
  citizen: (r) => ({ id: r.citizenId }),
  /** Profiling details stay inside ЦЗН. */
  profiling: (r, _a, ctx) => {
    if (!r.profiling || !allows(ctx.principal, READ_PROFILING)) return null;
    ctx.audit.read(r.citizenId, 'JobSeekerRegistration.profiling');
    return r.profiling;
  },
  profilingOverdue: (r, _a, ctx) => r.isActive() && Boolean(r.nextProfilingDue && r.nextProfilingDue < todayOf(ctx)),
};
