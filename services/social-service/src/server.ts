import { join } from 'node:path';
import {
  CalendarDaySchema,
  commissionInvitationHandlers,
  createSubgraphService,
  MvkInvitationSchema,
  ProgrammeDraftSchema,
  programmeDraftHandlers,
  referralReplyHandlers,
  loadSubgraphSdl,
  type ServiceConfig,
  type ServiceDependencies,
  type SubgraphDefinition,
  type SubgraphService,
} from '@sc/subgraph-kit';
import { ServiceApplicationSchema } from './applications/adapters/service-application.schema';
import { socialServiceResolvers } from './graphql/resolvers';
import { migrations } from './migrations';
import { socialServiceJobs } from './scheduled-jobs';
import { socialServiceDocuments } from './urgent/application/urgent-act.document';
import { workNormsOf } from './workload/application/work-norms';
import { OutgoingReferralSchema } from './referrals/adapters/outgoing-referral.schema';
import { IncomingSocialServiceReferralSchema } from './referrals/adapters/incoming-referral.schema';
import { incomingReferralHandlers } from './referrals/adapters/incoming-referral.consumer';
import { contractHandlers } from './contracts/adapters/contract.consumer';
import { AccompanimentCaseSchema } from './accompaniment/adapters/accompaniment-case.schema';
import { PreventionCaseSchema } from './prevention/adapters/prevention-case.schema';
import {
  UrgentServiceActSchema,
  UrgentServiceCaseSchema,
  UrgentServiceTypeSchema,
} from './urgent/adapters/urgent.schemas';

export const SOCIAL_SERVICE_SDL_FILES = [join(__dirname, 'schema', 'social-service.graphql')];
export const SOCIAL_SERVICE_DEFAULT_PORT = 4003;

/** КЦСОН subgraph definition: what the kit needs to build the server. */
export const socialServiceSubgraph: SubgraphDefinition = {
  name: 'social-service',
  agency: 'SOCIAL_SERVICE',
  typeDefs: loadSubgraphSdl(SOCIAL_SERVICE_SDL_FILES),
  resolvers: socialServiceResolvers,
  entities: [
    MvkInvitationSchema,
    ProgrammeDraftSchema,
    ServiceApplicationSchema,
    OutgoingReferralSchema,
    IncomingSocialServiceReferralSchema,
    UrgentServiceTypeSchema,
    UrgentServiceCaseSchema,
    UrgentServiceActSchema,
    AccompanimentCaseSchema,
    PreventionCaseSchema,
    CalendarDaySchema,
  ],
  migrations,
  handlers: (deps) => [
    ...contractHandlers(deps),
    ...referralReplyHandlers('SOCIAL_SERVICE', 'SocialServiceReferral'),
    ...incomingReferralHandlers(deps),
    ...commissionInvitationHandlers(deps),
    ...programmeDraftHandlers(deps, 'SOCIAL_SERVICE'),
  ],
  jobs: socialServiceJobs,
  documents: socialServiceDocuments,
};

export const createSocialServiceServer = (config: ServiceConfig, deps: ServiceDependencies): Promise<SubgraphService> =>
  createSubgraphService({ ...socialServiceSubgraph, workNorms: workNormsOf(config.region) }, config, deps);
