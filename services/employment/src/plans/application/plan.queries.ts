import { listPage, whereOf, type Connection, type PageArgs, type Read } from '@sc/subgraph-kit';
import { EmploymentPlan } from '../domain/employment-plan';

export interface EmploymentPlanFilter {
  status?: string[] | null;
  /** Only plans with a step planned or in progress whose due date has passed (isStepOverdue). */
  overdueSteps?: boolean | null;
  territory?: string | null;
}

/** Индивидуальные планы of the caller's territory, newest first (a worklist page). */
export const listEmploymentPlans =
  (f: EmploymentPlanFilter | null | undefined, page: PageArgs): Read<Connection<EmploymentPlan>> =>
  async ({ em, within, today }) => {
    const where = { ...within(f?.territory, 'filter.territory'), ...whereOf({ status: f?.status }) };
    // The steps are a JSON document: the overdue ones are found in SQL, by the rule of isStepOverdue.
    const overdue = f?.overdueSteps
      ? (
          await em.getConnection().execute<{ id: string }[]>(
            `select id from employment_plan p where territory like ? and exists (
               select 1 from jsonb_array_elements(p.steps) s
                where s->>'status' in ('PLANNED', 'IN_PROGRESS') and s->>'dueDate' < ?)`,
            [where.territory.$like, today],
          )
        ).map((r: { id: string }) => r.id)
      : null;
    return listPage(
      em,
      EmploymentPlan,
      overdue ? { ...where, id: { $in: overdue } } : where,
      { list: 'employmentPlans', sortBy: 'id', direction: 'desc' },
      page,
    );
  };
