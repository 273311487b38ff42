import { contractConcludedForSocialServiceV1 } from '@sc/contracts';
import { handler, type MessageHandler } from '@sc/messaging';
import type { ServiceDeps } from '@sc/subgraph-kit';
import { openContractServices } from '../application/open-contract-services';

/** ЦСПН's M5: a contract concluded, with the request for urgent services and accompaniment. */
export const contractHandlers = (deps: ServiceDeps): MessageHandler[] => [
  handler({
    message: contractConcludedForSocialServiceV1,
    handle: (d, ctx) => openContractServices(deps, d, ctx),
  }),
];
