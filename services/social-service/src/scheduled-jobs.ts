import { deadlineJob, referralSlaJob, type ScheduledJob, type ServiceDeps } from '@sc/subgraph-kit';
import { accompanimentDeadlinesDue } from './accompaniment/application/accompaniment-deadline-check';
import { loadSocialServiceParameters } from './parameters/application/social-service-parameters';
import { preventionChecksDue } from './prevention/application/prevention-deadline-check';

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
];
