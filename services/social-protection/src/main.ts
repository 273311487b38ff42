import { runMain } from '@sc/subgraph-kit';
import { createSocialProtectionServer, SOCIAL_PROTECTION_DEFAULT_PORT, socialProtectionSubgraph } from './server';

// `--migrate-only`: apply the committed migrations and exit (the deployment's init container).
runMain(
  'social-protection',
  SOCIAL_PROTECTION_DEFAULT_PORT,
  createSocialProtectionServer,
  socialProtectionSubgraph,
).catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
