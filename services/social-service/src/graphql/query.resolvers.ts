import { authorize } from '@sc/auth';
import { sharedCitizenQueries } from '@sc/subgraph-kit';
import type { QueryResolvers } from '../generated/graphql';
import { READ_INTAKE } from '../access';
import { OutgoingReferral } from '@sc/kernel';

export const Query: QueryResolvers = {
  ...sharedCitizenQueries,
  socialServiceReferral: async (_p, { id }, ctx) => {
    authorize(ctx.principal, READ_INTAKE, 'socialServiceReferral');
    const r = await ctx.em.findOne(OutgoingReferral, { id });
    if (r) ctx.audit.read(r.citizenId, 'Query.socialServiceReferral');
    return r;
  },
};
