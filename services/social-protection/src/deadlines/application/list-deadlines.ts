import { addDays, type IsoDate } from '@sc/kernel';
import type { EntityManager } from '@mikro-orm/core';
import { boundedArg, loadWorkingCalendar, type Read } from '@sc/subgraph-kit';
import { ScApplication } from '../../applications/domain/sc-application';
import { RUNNING_STATUSES, type ContractStatus } from '../../contracts/domain/contract-status';
import { SocialContract } from '../../contracts/domain/social-contract';
import { ControlVisit } from '../../monitoring/domain/control-visit';
import { MonthlyReport } from '../../monitoring/domain/monthly-report';
import { monthlyObligations } from '../../monitoring/domain/obligations';
import { loadParameters } from '../../parameters/application/parameter.queries';
import { regionOfTerritory } from '../../parameters/domain/regional-parameters';
import { applicationDeadlines, contractDeadlines, type Deadline } from '../domain/deadline';

const WATCHED: ContractStatus[] = [...RUNNING_STATUSES, 'ENDED', 'POST_MONITORING', 'REPAYMENT_DUE'];

/**
 * Сроки специалиста: every open deadline of the applications and contracts
 * assigned to one specialist, overdue first, then by date; only those due
 * within `withinDays` (overdue ones always).
 */
export async function listDeadlines(
  em: EntityManager,
  a: {
    /** null: every case's, assigned or not (the scheduler's scan). */
    assignedTo: string | null;
    region: string;
    today: IsoDate;
    withinDays: number;
    inTerritory: { territory: { $like: string } };
  },
): Promise<Deadline[]> {
  const horizon = addDays(a.today, a.withinDays);
  const whose = a.assignedTo === null ? {} : { assignedTo: a.assignedTo };
  const [apps, contracts, calendar, params] = await Promise.all([
    em.find(ScApplication, {
      ...a.inTerritory,
      ...whose,
      status: { $nin: ['CONTRACTED', 'REJECTED', 'WITHDRAWN'] },
    }),
    em.find(SocialContract, { ...a.inTerritory, ...whose, status: { $in: WATCHED } }),
    loadWorkingCalendar(em),
    loadParameters(em, a.region, a.today),
  ]);
  const ids = contracts.map((c) => c.id);
  const [reports, visits] = ids.length
    ? await Promise.all([
        em.find(MonthlyReport, { contractId: { $in: ids } }),
        em.find(ControlVisit, { contractId: { $in: ids } }),
      ])
    : [[], []];
  const out = apps.flatMap((x) => applicationDeadlines(x, a.today));
  for (const c of contracts) {
    const obligations = monthlyObligations({
      contract: c,
      reportPeriods: reports.filter((r) => r.contractId === c.id).map((r) => r.period),
      visitPeriods: visits.filter((v) => v.contractId === c.id).map((v) => v.period),
      today: a.today,
      calendar,
      params,
    });
    out.push(...contractDeadlines(c, obligations, a.today, params));
  }
  return out
    .filter((d) => d.overdue || d.dueDate <= horizon)
    .sort((x, y) => Number(y.overdue) - Number(x.overdue) || x.dueDate.localeCompare(y.dueDate));
}

/** The query behind `deadlines`: the caller's own (or a named specialist's) deadlines in the caller's region. */
export const specialistDeadlines =
  (a: { assignedTo?: string | null; withinDays?: number | null }): Read<Deadline[]> =>
  ({ em, principal, today, inTerritory }) =>
    listDeadlines(em, {
      inTerritory,
      assignedTo: a.assignedTo ?? principal.subject,
      region: regionOfTerritory(principal.territory),
      today,
      withinDays: boundedArg(a.withinDays, 'withinDays', 30, 366),
    });
