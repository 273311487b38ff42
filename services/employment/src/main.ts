import { runMain } from '@sc/subgraph-kit';
import { createEmploymentServer, EMPLOYMENT_DEFAULT_PORT, employmentSubgraph } from './server';

// `--migrate-only`: apply the committed migrations and exit (the deployment's init container).
runMain('employment', EMPLOYMENT_DEFAULT_PORT, createEmploymentServer, employmentSubgraph).catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
