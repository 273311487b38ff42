import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { DateScalar, DateTimeScalar, programmeDraftFields, type RequestContext } from '@sc/subgraph-kit';
import type { Resolvers } from '../generated/graphql';
import { AccompanimentCase, PreventionCase } from './accompaniment-case.resolvers';
import { Citizen } from './citizen.resolvers';
import { Mutation } from './mutation.resolvers';
import { Query } from './query.resolvers';
import { statisticsResolvers } from './statistics-cell.resolvers';
import { SocialServiceApplication } from './social-service-application.resolvers';
import { SocialServiceReferral } from './social-service-referral.resolvers';
import { SocialServiceIncomingReferral } from './social-service-incoming-referral.resolvers';
import { UrgentServiceAct, UrgentServiceCase } from './urgent-service-case.resolvers';

const resolvers: Resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Query,
  Mutation,
  Citizen,
  SocialServiceApplication,
  SocialServiceReferral,
  SocialServiceIncomingReferral,
  UrgentServiceCase,
  UrgentServiceAct,
  AccompanimentCase,
  PreventionCase,
  ProgrammeDraft: programmeDraftFields,
  ...statisticsResolvers,
};

export const socialServiceResolvers = resolvers as unknown as GraphQLResolverMap<RequestContext>;
