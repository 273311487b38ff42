import { referralExpiryJob, referralSlaJob, type ScheduledJob, type ServiceDeps } from '@sc/subgraph-kit';
import { socialProtectionDeadlines } from './deadlines/application/notify-deadlines';
import { loadParameters } from './parameters/application/parameter.queries';
import { warnMissingNextYearPm } from './parameters/application/warn-missing-next-year-pm';
import { IncomingReferral } from './referrals/domain/incoming-referral';
import { closeUnattendedApplication } from './referrals/application/return-incoming-referral';

/**
 * ЦСПН's timed checks (cron in the region's time zone). Each is a scan of
 * what is due as of the service's clock; its effects are made once.
 */
export const socialProtectionJobs = (_deps: ServiceDeps): ScheduledJob[] => [
  { name: 'social-protection.pm-next-year', cron: '0 9 * * *', run: warnMissingNextYearPm },
  socialProtectionDeadlines,
  // ЦСПН's own referrals (M1 to ЦЗН, urgent services to КЦСОН): not accepted or not answered in time.
  referralSlaJob({ name: 'social-protection.referral-sla', agency: 'SOCIAL_PROTECTION', parameters: loadParameters }),
  // M4 referrals whose citizen did not come: expired, and the application nobody came to closes.
  referralExpiryJob({
    name: 'social-protection.referral-expiry',
    agency: 'SOCIAL_PROTECTION',
    entity: IncomingReferral,
    also: (tx, r, ctx) => closeUnattendedApplication(tx, r, ctx.now),
  }),
];
