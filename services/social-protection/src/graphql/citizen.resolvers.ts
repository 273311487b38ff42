import { accessLogField, citizenField, citizenProfileField } from '@sc/subgraph-kit';
import type { CitizenResolvers } from '../generated/graphql';
import { READ_APPLICATIONS } from '../access';
import { applicationsOf, contractsOf } from './loaders';

/** ЦСПН's fields of the shared Citizen: hidden (null/empty) from callers outside the rule, every read audited. */
export const Citizen: CitizenResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  socialProtectionAccessLog: (c, { first }, ctx) => accessLogField(ctx, c.id, 'socialProtectionAccessLog', first),
  socialProtectionProfile: (c, _a, ctx) => citizenProfileField(ctx, READ_APPLICATIONS, c.id, 'socialProtectionProfile'),
  contractApplications: (c, _a, ctx) =>
    citizenField(ctx, READ_APPLICATIONS, c.id, 'contractApplications', (id) => applicationsOf(ctx, id), []),
  socialContracts: (c, _a, ctx) =>
    citizenField(ctx, READ_APPLICATIONS, c.id, 'socialContracts', (id) => contractsOf(ctx, id), []),
};
