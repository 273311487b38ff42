import type { NonFulfilmentCaseResolvers } from '../generated/graphql';
import { contractById } from './loaders';

/** The chain as the case file reads: its contract, the missed activity, the links in order. */
export const NonFulfilmentCase: NonFulfilmentCaseResolvers = {
  contract: async (nf, _x, ctx) => (await contractById(ctx, nf.contractId))!,
  citizen: (nf) => ({ id: nf.citizenId }),
  activity: async (nf, _x, ctx) =>
    nf.activityId
      ? ((await contractById(ctx, nf.contractId))?.activities.find((a) => a.id === nf.activityId) ?? null)
      : null,
  stage: (nf) => nf.last().kind,
  open: (nf) => nf.isOpen(),
};
