import { authorize } from '@sc/auth';
import { ValidationError } from '@sc/kernel';
import { sharedCitizenQueries } from '@sc/subgraph-kit';
import type { QueryResolvers } from '../generated/graphql';
import { READ_APPLICATIONS, READ_REFERRAL_QUEUE } from '../access';
import { ScApplication } from '../applications/domain/sc-application';
import { IncomingReferral } from '../referrals/domain/incoming-referral';

export const Query: QueryResolvers = {
  ...sharedCitizenQueries,
  scApplication: async (_p, { id }, ctx) => {
    authorize(ctx.principal, READ_APPLICATIONS, 'scApplication');
    const a = await ctx.em.findOne(ScApplication, { id });
    if (a) ctx.audit.read(a.citizenId, 'Query.scApplication');
    return a;
  },
  incomingReferrals: async (_p, { status, first }, ctx) => {
    authorize(ctx.principal, READ_REFERRAL_QUEUE, 'incomingReferrals');
    const limit = first ?? 50;
    if (limit < 1 || limit > 500) throw new ValidationError('first', 'RANGE', 'must be between 1 and 500');
    const rows = await ctx.em.find(IncomingReferral, status ? { status } : {}, { orderBy: { receivedAt: 'desc' }, limit });
    for (const r of rows) ctx.audit.read(r.citizenId, 'Query.incomingReferrals');
    return rows;
  },
};
