import { runMain } from '@sc/subgraph-kit';
import { createSocialProtectionServer, SOCIAL_PROTECTION_DEFAULT_PORT } from './server';

runMain('social-protection', SOCIAL_PROTECTION_DEFAULT_PORT, createSocialProtectionServer).catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
