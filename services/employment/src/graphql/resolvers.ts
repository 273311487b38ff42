import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { DateScalar, DateTimeScalar, sharedCitizenQueries, type RequestContext } from '@sc/subgraph-kit';
import type { Resolvers } from '../generated/graphql';
import { Citizen } from './citizen.resolvers';

const resolvers: Resolvers = { Date: DateScalar, DateTime: DateTimeScalar, Query: { ...sharedCitizenQueries }, Citizen };

export const employmentResolvers = resolvers as unknown as GraphQLResolverMap<RequestContext>;
