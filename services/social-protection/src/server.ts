import { join } from 'node:path';
import {
  CalendarDaySchema,
  createSubgraphService,
  loadSubgraphSdl,
  referralReplyHandlers,
  type ServiceConfig,
  type ServiceDependencies,
  type SubgraphDefinition,
  type SubgraphService,
} from '@sc/subgraph-kit';
import { ScApplicationSchema } from './applications/adapters/sc-application.schema';
import { socialProtectionResolvers } from './graphql/resolvers';
import { socialProtectionDocuments } from './documents/application/document-sources';
import { migrations } from './migrations';
import { socialProtectionJobs } from './scheduled-jobs';
import { socialProtectionWorkNorms } from './workload/application/work-norms';
import { IncomingReferralSchema } from './referrals/adapters/incoming-referral.schema';
import { OutgoingReferralSchema } from './referrals/adapters/outgoing-referral.schema';
import { referralForContractHandlers } from './referrals/adapters/referral-for-contract.consumer';
import { CommissionMeetingSchema } from './commission/adapters/commission-meeting.schema';
import { NonFulfilmentSchema } from './non-fulfilment/adapters/non-fulfilment.schema';
import { SocialContractSchema } from './contracts/adapters/social-contract.schema';
import { ControlVisitSchema, MonthlyReportSchema } from './monitoring/adapters/monitoring.schemas';
import { SubsistenceMinimumSchema } from './parameters/adapters/parameter.schemas';
import { PartnerEventSchema } from './partner-reports/adapters/partner-event.schema';
import { partnerReportHandlers } from './partner-reports/adapters/partner-report.consumer';
import { AdaptationProgrammeSchema } from './programmes/adapters/adaptation-programme.schema';
import { programmeAgreementHandlers } from './programmes/adapters/programme-agreement.consumer';

export const SOCIAL_PROTECTION_SDL_FILES = [join(__dirname, 'schema', 'social-protection.graphql')];
export const SOCIAL_PROTECTION_DEFAULT_PORT = 4001;

/** ЦСПН subgraph definition. */
export const socialProtectionSubgraph: SubgraphDefinition = {
  name: 'social-protection',
  agency: 'SOCIAL_PROTECTION',
  typeDefs: loadSubgraphSdl(SOCIAL_PROTECTION_SDL_FILES),
  resolvers: socialProtectionResolvers,
  entities: [
    ScApplicationSchema,
    IncomingReferralSchema,
    OutgoingReferralSchema,
    AdaptationProgrammeSchema,
    CommissionMeetingSchema,
    NonFulfilmentSchema,
    SocialContractSchema,
    MonthlyReportSchema,
    ControlVisitSchema,
    PartnerEventSchema,
    SubsistenceMinimumSchema,
    CalendarDaySchema,
  ],
  migrations,
  handlers: (deps) => [
    ...referralForContractHandlers(deps),
    ...referralReplyHandlers('SOCIAL_PROTECTION', 'SocialProtectionReferral'),
    ...partnerReportHandlers(deps),
    ...programmeAgreementHandlers(),
  ],
  jobs: socialProtectionJobs,
  documents: socialProtectionDocuments,
};

export const createSocialProtectionServer = (
  config: ServiceConfig,
  deps: ServiceDependencies,
): Promise<SubgraphService> =>
  createSubgraphService(
    { ...socialProtectionSubgraph, workNorms: socialProtectionWorkNorms(config.region) },
    config,
    deps,
  );
