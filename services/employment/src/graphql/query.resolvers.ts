import { authorize } from '@sc/auth';
import { addDays, ValidationError } from '@sc/kernel';
import { sharedCitizenQueries, todayOf } from '@sc/subgraph-kit';
import type { QueryResolvers } from '../generated/graphql';
import { CASE_WORK, READ_CASE, READ_PROFILE } from '../access';
import { ContractSupport } from '../contract-support/domain/contract-support';
import { loadEmploymentParameters } from '../parameters/application/employment-parameters';
import { ACTIVE_STATUSES, JobSeekerRegistration } from '../registrations/domain/job-seeker-registration';

const range = (v: number, field: string, max: number) => {
  if (v < 1 || v > max) throw new ValidationError(field, 'RANGE', `must be between 1 and ${max}`);
  return v;
};

export const Query: QueryResolvers = {
  ...sharedCitizenQueries,
  jobSeekerRegistration: async (_p, { id }, ctx) => {
    authorize(ctx.principal, READ_CASE, 'jobSeekerRegistration');
    const r = await ctx.em.findOne(JobSeekerRegistration, { id });
    if (r) ctx.audit.read(r.citizenId, 'Query.jobSeekerRegistration');
    return r;
  },
  contractSupportCases: async (_p, { openOnly, first }, ctx) => {
    authorize(ctx.principal, CASE_WORK, 'contractSupportCases');
    const rows = (
      await ctx.em.find(
        ContractSupport,
        {},
        { orderBy: { receivedAt: 'desc' }, limit: range(first ?? 50, 'first', 500) },
      )
    ).filter((s) => !openOnly || s.isOpen());
    for (const s of rows) ctx.audit.read(s.citizenId, 'Query.contractSupportCases');
    return rows;
  },
  profilingDue: async (_p, { withinDays }, ctx) => {
    authorize(ctx.principal, CASE_WORK, 'profilingDue');
    const until = addDays(todayOf(ctx), range(withinDays ?? 7, 'withinDays', 366));
    const rows = await ctx.em.find(
      JobSeekerRegistration,
      { status: { $in: [...ACTIVE_STATUSES] }, nextProfilingDue: { $lte: until } },
      { orderBy: { nextProfilingDue: 'asc' } },
    );
    for (const r of rows) ctx.audit.read(r.citizenId, 'Query.profilingDue');
    return rows;
  },
  employmentParameters: async (_p, { onDate }, ctx) => {
    authorize(ctx.principal, READ_PROFILE, 'employmentParameters');
    return (await loadEmploymentParameters(ctx.em, ctx.deps.config.region, onDate ?? todayOf(ctx))).view();
  },
};
