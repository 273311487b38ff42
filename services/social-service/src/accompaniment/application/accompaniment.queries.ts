import { addDays, ValidationError } from '@sc/kernel';
import { listPage, whereOf, type Connection, type PageArgs, type Read } from '@sc/subgraph-kit';
import { AccompanimentCase } from '../domain/accompaniment-case';
import { hasDeadlineBy, OPEN_ACCOMPANIMENT_STATUSES } from '../domain/accompaniment-deadlines';

export const findAccompanimentCase =
  (id: string): Read<AccompanimentCase | null> =>
  ({ em }) =>
    em.findOne(AccompanimentCase, { id });

/** Open cases with a 442-ФЗ deadline within `withinDays` (default 5; overdue ones always), by decision date. */
export const accompanimentDeadlines =
  (withinDays?: number | null): Read<AccompanimentCase[]> =>
  async ({ em, today, inTerritory }) => {
    const w = withinDays ?? 5;
    if (w < 0 || w > 366) throw new ValidationError('withinDays', 'RANGE', 'must be between 0 and 366');
    const until = addDays(today, w);
    const open = await em.find(AccompanimentCase, {
      ...inTerritory,
      status: { $in: [...OPEN_ACCOMPANIMENT_STATUSES] },
    });
    return open
      .filter((a) => hasDeadlineBy(a, until))
      .sort((x, y) => x.needDecisionDue.localeCompare(y.needDecisionDue));
  };

/** Социальное сопровождение of the caller's territory, the earliest decision due first (a worklist page). */
export const listAccompanimentCases =
  (
    f:
      | {
          status?: string[] | null;
          assignedTo?: string | null;
          programme?: string | null;
          territory?: string | null;
          deadlineWithinDays?: number | null;
        }
      | null
      | undefined,
    page: PageArgs,
  ): Read<Connection<AccompanimentCase>> =>
  async ({ em, within, today }) => {
    const where = {
      ...within(f?.territory, 'filter.territory'),
      ...whereOf({ status: f?.status, assignedTo: f?.assignedTo, programme: f?.programme }),
    };
    // Deadlines are the domain's rule (decision, programme, revision): the open cases that have one are picked here.
    const due =
      f?.deadlineWithinDays == null
        ? null
        : (await em.find(AccompanimentCase, { ...where, status: { $in: [...OPEN_ACCOMPANIMENT_STATUSES] } }))
            .filter((a) => hasDeadlineBy(a, addDays(today, boundedDays(f.deadlineWithinDays!))))
            .map((a) => a.id);
    return listPage(
      em,
      AccompanimentCase,
      due ? { ...where, id: { $in: due } } : where,
      { list: 'accompanimentCases', sortBy: 'needDecisionDue', direction: 'asc' },
      page,
    );
  };

const boundedDays = (d: number): number => {
  if (!Number.isInteger(d) || d < 0 || d > 366)
    throw new ValidationError('filter.deadlineWithinDays', 'RANGE', 'must be between 0 and 366');
  return d;
};
