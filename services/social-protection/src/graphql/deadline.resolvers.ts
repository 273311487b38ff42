import type { DeadlineResolvers } from '../generated/graphql';
import { applicationById, contractById } from './loaders';

export const Deadline: DeadlineResolvers = {
  citizen: (d) => ({ id: d.citizenId }),
  application: (d, _x, ctx) => (d.applicationId ? applicationById(ctx, d.applicationId) : null),
  contract: (d, _x, ctx) => (d.contractId ? contractById(ctx, d.contractId) : null),
};
