import { accessLogField, citizenField, citizenProfileField, sensitiveCitizenField } from '@sc/subgraph-kit';
import type { CitizenResolvers } from '../generated/graphql';
import { READ_INTAKE, READ_SENSITIVE, READ_SERVICES } from '../access';
import { accompanimentOf, applicationsOf, preventionOf, referralsOf, urgentCasesOf } from './loaders';

/** КЦСОН's fields of the shared Citizen: hidden (null/empty) from callers outside the rule, every read audited. */
export const Citizen: CitizenResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  socialServiceAccessLog: (c, { first }, ctx) => accessLogField(ctx, c.id, 'socialServiceAccessLog', first),
  socialServiceProfile: (c, _a, ctx) => citizenProfileField(ctx, READ_INTAKE, c.id, 'socialServiceProfile'),
  socialServiceApplications: (c, _a, ctx) =>
    citizenField(ctx, READ_INTAKE, c.id, 'socialServiceApplications', (id) => applicationsOf(ctx, id), []),
  socialServiceReferrals: (c, _a, ctx) =>
    citizenField(ctx, READ_INTAKE, c.id, 'socialServiceReferrals', (id) => referralsOf(ctx, id), []),
  urgentServiceCases: (c, _a, ctx) =>
    citizenField(ctx, READ_SERVICES, c.id, 'urgentServiceCases', (id) => urgentCasesOf(ctx, id), []),
  accompanimentCases: (c, _a, ctx) =>
    citizenField(ctx, READ_SERVICES, c.id, 'accompanimentCases', (id) => accompanimentOf(ctx, id), []),
  /** The most sensitive field: refused outright to anyone but КЦСОН case workers, and every read audited. */
  preventionCases: (c, _a, ctx) =>
    sensitiveCitizenField(ctx, READ_SENSITIVE, c.id, 'preventionCases', (id) => preventionOf(ctx, id), []),
};
