import { referralSlaJob, type ScheduledJob, type ServiceDeps } from '@sc/subgraph-kit';
import { loadEmploymentParameters } from './parameters/application/employment-parameters';
import { employmentDeadlines } from './registrations/application/reprofiling-deadlines';

/** ЦЗН's timed checks (cron in the region's time zone): scans of what is due as of the service's clock. */
export const employmentJobs = (_deps: ServiceDeps): ScheduledJob[] => [
  employmentDeadlines,
  referralSlaJob({
    name: 'employment.referral-sla',
    agency: 'EMPLOYMENT',
    parameters: loadEmploymentParameters,
  }),
];
