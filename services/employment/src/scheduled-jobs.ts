import { referralExpiryJob, referralSlaJob, type ScheduledJob, type ServiceDeps } from '@sc/subgraph-kit';
import { loadEmploymentParameters } from './parameters/application/employment-parameters';
import { IncomingEmploymentReferral } from './referrals/domain/incoming-employment-referral';
import { employmentDeadlines } from './registrations/application/reprofiling-deadlines';

/** ЦЗН's timed checks (cron in the region's time zone): scans of what is due as of the service's clock. */
export const employmentJobs = (_deps: ServiceDeps): ScheduledJob[] => [
  employmentDeadlines,
  // ЦЗН's referrals to ЦСПН (M4): not accepted or not answered in time.
  referralSlaJob({ name: 'employment.referral-sla', agency: 'EMPLOYMENT', parameters: loadEmploymentParameters }),
  // M1 referrals whose citizen did not come to register in time.
  referralExpiryJob({ name: 'employment.referral-expiry', agency: 'EMPLOYMENT', entity: IncomingEmploymentReferral }),
];
