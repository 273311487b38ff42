import type { ScheduledJob, ServiceDeps } from '@sc/subgraph-kit';
import { socialProtectionDeadlines } from './deadlines/application/notify-deadlines';
import { warnMissingNextYearPm } from './parameters/application/warn-missing-next-year-pm';

/**
 * ЦСПН's timed checks (cron in the region's time zone). Each is a scan of
 * what is due as of the service's clock; its effects are made once.
 */
export const socialProtectionJobs = (_deps: ServiceDeps): ScheduledJob[] => [
  { name: 'social-protection.pm-next-year', cron: '0 9 * * *', run: warnMissingNextYearPm },
  socialProtectionDeadlines,
];
