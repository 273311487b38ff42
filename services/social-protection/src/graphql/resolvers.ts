import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { DateScalar, DateTimeScalar, type RequestContext } from '@sc/subgraph-kit';
import type { Resolvers } from '../generated/graphql';
import { Citizen } from './citizen.resolvers';
import { IncomingReferral } from './incoming-referral.resolvers';
import { Query } from './query.resolvers';
import { ScApplication } from './sc-application.resolvers';

const resolvers: Resolvers = { Date: DateScalar, DateTime: DateTimeScalar, Query, Citizen, ScApplication, IncomingReferral };

export const socialProtectionResolvers = resolvers as unknown as GraphQLResolverMap<RequestContext>;
