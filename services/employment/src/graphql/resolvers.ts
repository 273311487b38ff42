import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { DateScalar, DateTimeScalar, programmeDraftFields, type RequestContext } from '@sc/subgraph-kit';
import type { Resolvers } from '../generated/graphql';
import { Citizen } from './citizen.resolvers';
import { EmploymentPlan, PlanStep } from './employment-plan.resolvers';
import { JobSeekerRegistration } from './job-seeker-registration.resolvers';
import { Mutation } from './mutation.resolvers';
import { Query } from './query.resolvers';
import { statisticsResolvers } from './statistics-cell.resolvers';
import { ContractSupport, EmploymentReferral, TrainingReferral } from './training-referral.resolvers';
import { EmploymentIncomingReferral } from './employment-incoming-referral.resolvers';

const resolvers: Resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Query,
  Mutation,
  Citizen,
  JobSeekerRegistration,
  EmploymentPlan,
  PlanStep,
  TrainingReferral,
  ContractSupport,
  EmploymentReferral,
  EmploymentIncomingReferral,
  ProgrammeDraft: programmeDraftFields,
  ...statisticsResolvers,
};

export const employmentResolvers = resolvers as unknown as GraphQLResolverMap<RequestContext>;
