import { addDays } from '@sc/kernel';
import { between, boundedArg, listPage, whereOf, type Connection, type PageArgs, type Read } from '@sc/subgraph-kit';
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

export interface JobSeekerRegistrationFilter {
  status?: string[] | null;
  category?: string | null;
  registeredBy?: string | null;
  assignedTo?: string | null;
  territory?: string | null;
  profilingDueBefore?: string | null;
}

/** Регистрации of the caller's territory, newest first (a worklist page). */
export const listJobSeekerRegistrations =
  (f: JobSeekerRegistrationFilter | null | undefined, page: PageArgs): Read<Connection<JobSeekerRegistration>> =>
  ({ em, within }) =>
    listPage(
      em,
      JobSeekerRegistration,
      {
        ...within(f?.territory, 'filter.territory'),
        ...whereOf({
          status: f?.status,
          category: f?.category,
          registeredBy: f?.registeredBy,
          assignedTo: f?.assignedTo,
          nextProfilingDue: between(null, f?.profilingDueBefore),
        }),
      },
      { list: 'jobSeekerRegistrations', sortBy: 'registeredOn', direction: 'desc' },
      page,
    );
