import { join } from 'node:path';
import { createSubgraphService, identityLinkedHandler, loadSubgraphSdl, type ServiceConfig, type ServiceDependencies, type SubgraphDefinition, type SubgraphService } from '@sc/subgraph-kit';
import { ScApplicationSchema } from './applications/adapters/sc-application.schema';
import { socialProtectionResolvers } from './graphql/resolvers';
import { migrations } from './migrations';
import { IncomingReferralSchema } from './referrals/adapters/incoming-referral.schema';
import { referralForContractHandlers } from './referrals/adapters/referral-for-contract.consumer';

export const SOCIAL_PROTECTION_SDL_FILES = [join(__dirname, 'schema', 'social-protection.graphql')];
export const SOCIAL_PROTECTION_DEFAULT_PORT = 4001;

/** ЦСПН subgraph definition. */
export const socialProtectionSubgraph: SubgraphDefinition = {
  name: 'social-protection',
  agency: 'SOCIAL_PROTECTION',
  typeDefs: loadSubgraphSdl(SOCIAL_PROTECTION_SDL_FILES),
  resolvers: socialProtectionResolvers,
  entities: [ScApplicationSchema, IncomingReferralSchema],
  migrations,
  handlers: (deps) => [...referralForContractHandlers(deps), identityLinkedHandler(deps, 'SOCIAL_PROTECTION')],
};

export const createSocialProtectionServer = (config: ServiceConfig, deps: ServiceDependencies): Promise<SubgraphService> =>
  createSubgraphService(socialProtectionSubgraph, config, deps);
