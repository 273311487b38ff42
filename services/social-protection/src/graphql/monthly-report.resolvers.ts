import type { MonthlyReportResolvers } from '../generated/graphql';
import { contractById } from './loaders';

export const MonthlyReport: MonthlyReportResolvers = {
  contract: async (r, _x, ctx) => (await contractById(ctx, r.contractId))!,
  spentTotalKopecks: (r) => r.spentTotal(),
};
