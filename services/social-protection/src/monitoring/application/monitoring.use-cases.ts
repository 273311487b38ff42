import type { EntityManager } from '@mikro-orm/core';
import { firstDayOf, lastDayOf, parseIsoDate, parseIsoMonth, type IsoDate, type IsoMonth } from '@sc/kernel';
import { CASE_WORK } from '../../access';
import { SocialContract } from '../../contracts/domain/social-contract';
import { PartnerEvent } from '../../partner-reports/domain/partner-event';
import { inChange, findCase, mustFind, type CaseContext } from '@sc/subgraph-kit';
import { ControlVisit } from '../domain/control-visit';
import {
  MonthlyReport,
  type ActivityProgress,
  type IncomeChange,
  type PartnerNote,
  type SpendingItem,
} from '../domain/monthly-report';

/** What ЦЗН and КЦСОН reported in a month, as notes for the citizen's report. */
export async function partnerNotesOf(em: EntityManager, contractId: string, period: IsoMonth): Promise<PartnerNote[]> {
  const events = await em.find(
    PartnerEvent,
    { contractId, occurredOn: { $gte: firstDayOf(period), $lte: lastDayOf(period) } },
    { orderBy: { occurredOn: 'asc' } },
  );
  return events.map((e) => ({
    agency: e.agency,
    kind: e.kind,
    occurredOn: e.occurredOn,
    description: e.description,
    activityId: e.activityId ?? null,
  }));
}

/** Ежемесячный отчёт гражданина (seed 000, ЦСПН step 6), with the partners' reports of the month attached. */
export function submitMonthlyReport(
  ctx: CaseContext,
  i: {
    contractId: string;
    period: IsoMonth;
    submittedOn: IsoDate;
    activityProgress: ActivityProgress[];
    spending: SpendingItem[];
    incomeChanges?: IncomeChange[] | null;
  },
): Promise<MonthlyReport> {
  return inChange(ctx, 'submitMonthlyReport', CASE_WORK, async (tx, c) => {
    const contract = await findCase(tx, c, SocialContract, i.contractId, 'input.contractId');
    parseIsoMonth(i.period, 'input.period');
    parseIsoDate(i.submittedOn, 'input.submittedOn');
    const existing = (await tx.find(MonthlyReport, { contractId: contract.id })).map((r) => r.period);
    const report = MonthlyReport.submit({
      contract,
      period: i.period,
      submittedOn: i.submittedOn,
      activityProgress: i.activityProgress.map((p) => ({
        activityId: p.activityId,
        progress: p.progress.trim(),
        completed: p.completed,
      })),
      spending: i.spending.map((s) => ({
        purpose: s.purpose.trim(),
        amountKopecks: s.amountKopecks,
        documentRef: s.documentRef ?? null,
      })),
      incomeChanges: i.incomeChanges ?? [],
      partnerNotes: await partnerNotesOf(tx, contract.id, i.period),
      existingPeriods: existing,
      today: c.today,
      by: c.by,
      now: c.now,
    });
    tx.persist(report);
    c.audit(contract, 'MonthlyReport', report.id);
    return report;
  });
}

export function reviewMonthlyReport(
  ctx: CaseContext,
  i: { reportId: string; accept: boolean; note?: string | null },
): Promise<MonthlyReport> {
  return inChange(ctx, 'reviewMonthlyReport', CASE_WORK, async (tx, c) => {
    const report = await mustFind(tx, MonthlyReport, i.reportId, 'input.reportId');
    const contract = await findCase(tx, c, SocialContract, report.contractId, 'input.reportId');
    report.review(contract, i.accept, i.note, c.today, c.by);
    c.audit(contract, 'MonthlyReport', report.id);
    return report;
  });
}

/** Ежемесячный контроль с выездом: the visit act (M9). */
export function recordControlVisit(
  ctx: CaseContext,
  i: {
    contractId: string;
    visitDate: IsoDate;
    findings: string;
    nextSteps?: string | null;
    spendingConfirmed: boolean;
  },
): Promise<ControlVisit> {
  return inChange(ctx, 'recordControlVisit', CASE_WORK, async (tx, c) => {
    const contract = await findCase(tx, c, SocialContract, i.contractId, 'input.contractId');
    const visit = ControlVisit.record({ contract, ...i, today: c.today, by: c.by, now: c.now });
    tx.persist(visit);
    c.audit(contract, 'ControlVisit', visit.id);
    return visit;
  });
}
