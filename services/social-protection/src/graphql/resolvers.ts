import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { DateScalar, DateTimeScalar, type RequestContext } from '@sc/subgraph-kit';
import type { Resolvers } from '../generated/graphql';
import { AdaptationProgramme } from './adaptation-programme.resolvers';
import { Citizen } from './citizen.resolvers';
import { CommissionDecision, CommissionMeeting, EffectivenessConclusion } from './commission-meeting.resolvers';
import { Deadline } from './deadline.resolvers';
import { HouseholdMember } from './household-member.resolvers';
import { IncomingReferral } from './incoming-referral.resolvers';
import { SocialProtectionReferral } from './social-protection-referral.resolvers';
import { MonthlyReport } from './monthly-report.resolvers';
import { Mutation } from './mutation.resolvers';
import { NonFulfilmentCase } from './non-fulfilment-case.resolvers';
import { PsaActivity } from './psa-activity.resolvers';
import { Query } from './query.resolvers';
import { ScApplication } from './sc-application.resolvers';
import { MonitoringCheckpoint, SocialContract } from './social-contract.resolvers';
import { statisticsResolvers } from './statistics-cell.resolvers';

const resolvers: Resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Query,
  Mutation,
  Citizen,
  ScApplication,
  IncomingReferral,
  SocialProtectionReferral,
  HouseholdMember,
  AdaptationProgramme,
  PsaActivity,
  CommissionMeeting,
  CommissionDecision,
  EffectivenessConclusion,
  NonFulfilmentCase,
  SocialContract,
  MonitoringCheckpoint,
  MonthlyReport,
  Deadline,
  ...statisticsResolvers,
};

export const socialProtectionResolvers = resolvers as unknown as GraphQLResolverMap<RequestContext>;
