import { runMain } from '@sc/subgraph-kit';
import { createSocialServiceServer, SOCIAL_SERVICE_DEFAULT_PORT, socialServiceSubgraph } from './server';

// `--migrate-only`: apply the committed migrations and exit (the deployment's init container).
runMain('social-service', SOCIAL_SERVICE_DEFAULT_PORT, createSocialServiceServer, socialServiceSubgraph).catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
