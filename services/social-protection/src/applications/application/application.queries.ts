import { between, listPage, whereOf, type Connection, type PageArgs, type Read } from '@sc/subgraph-kit';
import { ScApplication } from '../domain/sc-application';

export const findScApplication =
  (id: string): Read<ScApplication | null> =>
  ({ em }) =>
    em.findOne(ScApplication, { id });

export interface ScApplicationFilter {
  status?: string[] | null;
  channel?: string | null;
  assignedTo?: string | null;
  territory?: string | null;
  decisionDueBefore?: string | null;
  identificationSource?: string | null;
}

/** Заявления of the caller's territory, newest submission first (a worklist page). */
export const listScApplications =
  (f: ScApplicationFilter | null | undefined, page: PageArgs): Read<Connection<ScApplication>> =>
  ({ em, within }) =>
    listPage(
      em,
      ScApplication,
      {
        ...within(f?.territory, 'filter.territory'),
        ...whereOf({
          status: f?.status,
          channel: f?.channel,
          assignedTo: f?.assignedTo,
          decisionDueDate: between(null, f?.decisionDueBefore),
          identificationSource: f?.identificationSource,
        }),
      },
      { list: 'scApplications', sortBy: 'submittedAt', direction: 'desc' },
      page,
    );
