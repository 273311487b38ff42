import { addDays } from '@sc/kernel';
import { boundedArg, type Read } from '@sc/subgraph-kit';
import { ACTIVE_STATUSES, JobSeekerRegistration } from '../domain/job-seeker-registration';

export const findJobSeekerRegistration =
  (id: string): Read<JobSeekerRegistration | null> =>
  ({ em }) =>
    em.findOne(JobSeekerRegistration, { id });

/** Переопрофилирование: active registrations whose re-profiling falls due within the window, soonest first. */
export const profilingDue =
  (withinDays?: number | null): Read<JobSeekerRegistration[]> =>
  ({ em, today, inTerritory }) =>
    em.find(
      JobSeekerRegistration,
      {
        ...inTerritory,
        status: { $in: [...ACTIVE_STATUSES] },
        nextProfilingDue: { $lte: addDays(today, boundedArg(withinDays, 'withinDays', 7, 366)) },
      },
      { orderBy: { nextProfilingDue: 'asc' } },
    );
