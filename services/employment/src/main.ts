import { runMain } from '@sc/subgraph-kit';
import { createEmploymentServer, EMPLOYMENT_DEFAULT_PORT } from './server';

runMain('employment', EMPLOYMENT_DEFAULT_PORT, createEmploymentServer).catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
