import { between, listPage, whereOf, type Connection, type PageArgs, type Read } from '@sc/subgraph-kit';
import { PreventionCase } from '../domain/prevention-case';

export const findPreventionCase =
  (id: string): Read<PreventionCase | null> =>
  ({ em }) =>
    em.findOne(PreventionCase, { id });

/** Профилактика of the caller's territory, the earliest check due first (a worklist page). */
export const listPreventionCases =
  (
    f:
      | {
          status?: string[] | null;
          assignedTo?: string | null;
          reviewDueBefore?: string | null;
          territory?: string | null;
        }
      | null
      | undefined,
    page: PageArgs,
  ): Read<Connection<PreventionCase>> =>
  ({ em, within }) =>
    listPage(
      em,
      PreventionCase,
      {
        ...within(f?.territory, 'filter.territory'),
        ...whereOf({ status: f?.status, assignedTo: f?.assignedTo, nextReviewDue: between(null, f?.reviewDueBefore) }),
      },
      { list: 'preventionCases', sortBy: 'checkDue', direction: 'asc' },
      page,
    );
