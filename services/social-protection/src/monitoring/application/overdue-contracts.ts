import type { EntityManager } from '@mikro-orm/core';
import type { IsoDate } from '@sc/kernel';
import { loadWorkingCalendar } from '@sc/subgraph-kit';
import { RUNNING_STATUSES } from '../../contracts/domain/contract-status';
import { SocialContract } from '../../contracts/domain/social-contract';
import { loadParameters } from '../../parameters/application/parameter.queries';
import { ControlVisit } from '../domain/control-visit';
import { MonthlyReport } from '../domain/monthly-report';
import { monthlyObligations } from '../domain/obligations';

/**
 * Running contracts under `where` with a monthly report or control visit
 * overdue (the rule of `monthlyObligations`, the same the contract card shows).
 * Computed over the filtered contracts, not stored: it changes with the date.
 */
export async function contractsWithOverdueObligations(
  em: EntityManager,
  where: object,
  today: IsoDate,
  region: string,
): Promise<string[]> {
  const contracts = await em.find(SocialContract, { ...where, status: { $in: [...RUNNING_STATUSES] } } as never);
  if (contracts.length === 0) return [];
  const ids = contracts.map((c) => c.id);
  const [reports, visits, calendar, params] = await Promise.all([
    em.find(MonthlyReport, { contractId: { $in: ids } }),
    em.find(ControlVisit, { contractId: { $in: ids } }),
    loadWorkingCalendar(em),
    loadParameters(em, region, today),
  ]);
  return contracts
    .filter((contract) =>
      monthlyObligations({
        contract,
        reportPeriods: reports.filter((r) => r.contractId === contract.id).map((r) => r.period),
        visitPeriods: visits.filter((v) => v.contractId === contract.id).map((v) => v.period),
        today,
        calendar,
        params,
      }).some((o) => o.reportOverdue || o.visitOverdue),
    )
    .map((c) => c.id);
}
