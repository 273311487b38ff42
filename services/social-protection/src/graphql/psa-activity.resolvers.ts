import { todayOf } from '@sc/subgraph-kit';
import type { PsaActivityResolvers } from '../generated/graphql';
import { isActivityOverdue } from '../programmes/domain/psa-activity';

export const PsaActivity: PsaActivityResolvers = {
  overdue: (a, _x, ctx) => isActivityOverdue(a, todayOf(ctx)),
};
