import type { PsaActivityResolvers } from '../generated/graphql';
import { isActivityOverdue } from '../programmes/domain/psa-activity';
import { todayOf } from './loaders';

export const PsaActivity: PsaActivityResolvers = {
  overdue: (a, _x, ctx) => isActivityOverdue(a, todayOf(ctx)),
};
