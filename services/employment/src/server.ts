import { join } from 'node:path';
import {
  CalendarDaySchema,
  commissionInvitationHandlers,
  createSubgraphService,
  MvkInvitationSchema,
  ProgrammeDraftSchema,
  programmeDraftHandlers,
  loadSubgraphSdl,
  referralReplyHandlers,
  type ServiceConfig,
  type ServiceDependencies,
  type SubgraphDefinition,
  type SubgraphService,
} from '@sc/subgraph-kit';
import { socialProtectionHandlers } from './contract-support/adapters/contract.consumer';
import { employmentResolvers } from './graphql/resolvers';
import { migrations } from './migrations';
import { employmentJobs } from './scheduled-jobs';
import { workNormsOf } from './workload/application/work-norms';
import { ContractSupportSchema } from './contract-support/adapters/contract-support.schema';
import { EmploymentPlanSchema } from './plans/adapters/employment-plan.schema';
import { IncomingEmploymentReferralSchema, OutgoingReferralSchema } from './referrals/adapters/referral.schemas';
import { JobSeekerRegistrationSchema } from './registrations/adapters/job-seeker-registration.schema';
import { TrainingReferralSchema } from './training/adapters/training-referral.schema';

export const EMPLOYMENT_SDL_FILES = [join(__dirname, 'schema', 'employment.graphql')];
export const EMPLOYMENT_DEFAULT_PORT = 4002;

/** ЦЗН subgraph definition. */
export const employmentSubgraph: SubgraphDefinition = {
  name: 'employment',
  agency: 'EMPLOYMENT',
  typeDefs: loadSubgraphSdl(EMPLOYMENT_SDL_FILES),
  resolvers: employmentResolvers,
  entities: [
    MvkInvitationSchema,
    ProgrammeDraftSchema,
    JobSeekerRegistrationSchema,
    EmploymentPlanSchema,
    TrainingReferralSchema,
    ContractSupportSchema,
    IncomingEmploymentReferralSchema,
    CalendarDaySchema,
    OutgoingReferralSchema,
  ],
  migrations,
  handlers: (deps) => [
    ...socialProtectionHandlers(deps),
    ...referralReplyHandlers('EMPLOYMENT', 'EmploymentReferral'),
    ...commissionInvitationHandlers(deps),
    ...programmeDraftHandlers(deps, 'EMPLOYMENT'),
  ],
  jobs: employmentJobs,
};

export const createEmploymentServer = (config: ServiceConfig, deps: ServiceDependencies): Promise<SubgraphService> =>
  createSubgraphService({ ...employmentSubgraph, workNorms: workNormsOf(config.region) }, config, deps);
