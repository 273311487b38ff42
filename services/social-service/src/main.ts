import { runMain } from '@sc/subgraph-kit';
import { createSocialServiceServer, SOCIAL_SERVICE_DEFAULT_PORT } from './server';

runMain('social-service', SOCIAL_SERVICE_DEFAULT_PORT, createSocialServiceServer).catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
