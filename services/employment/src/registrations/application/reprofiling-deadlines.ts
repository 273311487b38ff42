import { deadlineJob } from '@sc/subgraph-kit';
import { loadEmploymentParameters } from '../../parameters/application/employment-parameters';
import { ACTIVE_STATUSES, JobSeekerRegistration } from '../domain/job-seeker-registration';

/**
 * ЦЗН's deadline check: the re-profiling of every registered job seeker is
 * due REPROFILING_INTERVAL_DAYS (45) after the last profiling; the
 * specialist hears it DEADLINE_WARNING_DAYS before, and that it was missed.
 */
export const employmentDeadlines = deadlineJob({
  name: 'employment.deadlines',
  agency: 'EMPLOYMENT',
  warningDays: async (em, region, today) =>
    (await loadEmploymentParameters(em, region, today)).get('DEADLINE_WARNING_DAYS'),
  list: async (em, a) =>
    (
      await em.find(JobSeekerRegistration, {
        territory: { $like: `${a.region}%` },
        status: { $in: [...ACTIVE_STATUSES] },
        nextProfilingDue: { $lte: a.until },
      })
    ).map((r) => ({
      kind: 'REPROFILING',
      dueDate: r.nextProfilingDue!,
      description: 'повторное профилирование ищущего работу',
      caseType: 'JobSeekerRegistration',
      caseId: r.id,
      territory: r.territory,
      assignedTo: r.assignedTo,
    })),
});
