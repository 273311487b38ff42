import { deadlineJob, referralExpiryJob, referralSlaJob, type ScheduledJob, type ServiceDeps } from '@sc/subgraph-kit';
import { accompanimentDeadlinesDue } from './accompaniment/application/accompaniment-deadline-check';
import { loadSocialServiceParameters } from './parameters/application/social-service-parameters';
import { preventionChecksDue } from './prevention/application/prevention-deadline-check';
import { refuseUnattendedCase } from './referrals/application/return-incoming-referral';
import { IncomingSocialServiceReferral } from './referrals/domain/incoming-social-service-referral';

/**
 * КЦСОН's timed checks (cron in the region's time zone): the 442-ФЗ
 * deadlines of accompaniment cases (need decision in 5 working days, ИППСУ
 * in 10, the programme's revision) and prevention checks of signals.
 */
export const socialServiceJobs = (_deps: ServiceDeps): ScheduledJob[] => [
  deadlineJob({
    name: 'social-service.deadlines',
    agency: 'SOCIAL_SERVICE',
    warningDays: async (em, region, today) =>
      (await loadSocialServiceParameters(em, region, today)).get('DEADLINE_WARNING_DAYS'),
    list: async (em, a) => [...(await accompanimentDeadlinesDue(em, a)), ...(await preventionChecksDue(em, a))],
  }),
  referralSlaJob({
    name: 'social-service.referral-sla',
    agency: 'SOCIAL_SERVICE',
    parameters: loadSocialServiceParameters,
  }),
  // ЦСПН's referrals for urgent services whose citizen did not come: expired, the urgent case refused.
  referralExpiryJob({
    name: 'social-service.referral-expiry',
    agency: 'SOCIAL_SERVICE',
    entity: IncomingSocialServiceReferral,
    also: (tx, r, ctx) => refuseUnattendedCase(tx, r, 'гражданин не явился по направлению ЦСПН в срок', ctx.now),
  }),
];
