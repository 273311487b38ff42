import {
  ConflictError,
  monthOf,
  parseIsoMonth,
  uuidv7,
  ValidationError,
  type IsoDate,
  type IsoMonth,
} from '@sc/kernel';
import type { SocialContract } from '../../contracts/domain/social-contract';
import { applyActivityEvent, isActivityOpen } from '../../programmes/domain/psa-activity';

export interface ActivityProgress {
  activityId: string;
  progress: string;
  /** the citizen reports the activity as carried out */
  completed: boolean;
}

export interface SpendingItem {
  purpose: string;
  amountKopecks: number;
  documentRef?: string | null;
}

export interface IncomeChange {
  description: string;
  amountKopecks: number;
  effectiveFrom: IsoDate;
}

/** What partners reported in the month, copied into the report (pre-fill). */
export interface PartnerNote {
  agency: 'EMPLOYMENT' | 'SOCIAL_SERVICE';
  kind: string;
  occurredOn: IsoDate;
  description: string;
  activityId?: string | null;
}

export type MonthlyReportStatus = 'SUBMITTED' | 'ACCEPTED' | 'REJECTED';

/** Ежемесячный отчёт гражданина о выполнении ПСА и целевом использовании средств (M8). */
export class MonthlyReport {
  id!: string;
  contractId!: string;
  citizenId!: string;
  period!: IsoMonth;
  submittedOn!: IsoDate;
  status!: MonthlyReportStatus;
  activityProgress: ActivityProgress[] = [];
  spending: SpendingItem[] = [];
  incomeChanges: IncomeChange[] = [];
  partnerNotes: PartnerNote[] = [];
  reviewNote?: string | null;
  reviewedBy?: string | null;
  recordedBy!: string;

  /**
   * Takes the report for one month of the contract; activities reported as
   * carried out move to REPORTED until the specialist verifies them.
   */
  static submit(a: {
    contract: SocialContract;
    period: IsoMonth;
    submittedOn: IsoDate;
    activityProgress: ActivityProgress[];
    spending: SpendingItem[];
    incomeChanges: IncomeChange[];
    partnerNotes: PartnerNote[];
    existingPeriods: readonly IsoMonth[];
    today: IsoDate;
    by: string;
    now: Date;
  }): MonthlyReport {
    const c = a.contract;
    parseIsoMonth(a.period, 'input.period');
    if (!c.isRunning())
      throw new ConflictError('CONTRACT_NOT_RUNNING', `reports are taken while the contract runs; it is ${c.status}`, {
        rule: 'STATE_MACHINE',
        currentState: c.status,
        attemptedAction: 'submitMonthlyReport',
      });
    if (a.period < monthOf(c.startDate) || a.period > monthOf(c.endDate))
      throw new ValidationError(
        'input.period',
        'PERIOD_IN_CONTRACT',
        `the contract runs ${monthOf(c.startDate)}…${monthOf(c.endDate)}`,
      );
    if (a.period > monthOf(a.today))
      throw new ValidationError('input.period', 'NOT_IN_FUTURE', 'a month that has not begun cannot be reported');
    if (a.existingPeriods.includes(a.period))
      throw new ConflictError('REPORT_EXISTS', `the report for ${a.period} is already in`, {
        rule: 'ONE_REPORT_PER_MONTH',
      });
    if (a.submittedOn > a.today)
      throw new ValidationError('input.submittedOn', 'NOT_IN_FUTURE', 'cannot be in the future');
    a.spending.forEach((s, i) => {
      if (!Number.isInteger(s.amountKopecks) || s.amountKopecks <= 0)
        throw new ValidationError(
          `input.spending[${i}].amountKopecks`,
          'AMOUNT_RANGE',
          'must be a positive whole number of kopecks',
        );
      if (!s.purpose.trim())
        throw new ValidationError(`input.spending[${i}].purpose`, 'REQUIRED', 'say what the money was spent on');
    });
    a.incomeChanges.forEach((x, i) => {
      if (!Number.isInteger(x.amountKopecks) || x.amountKopecks < 0)
        throw new ValidationError(
          `input.incomeChanges[${i}].amountKopecks`,
          'AMOUNT_RANGE',
          'must be a whole, non-negative number of kopecks',
        );
    });
    a.activityProgress.forEach((p, i) => {
      const act = c.activities.find((x) => x.id === p.activityId);
      if (!act)
        throw new ValidationError(
          `input.activityProgress[${i}].activityId`,
          'MUST_EXIST',
          'not an activity of this contract',
        );
      if (!p.completed || !isActivityOpen(act) || act.status === 'REPORTED') return;
      if (act.status === 'PLANNED') applyActivityEvent(act, 'start', a.today, a.by);
      if (act.status === 'IN_PROGRESS') applyActivityEvent(act, 'report', a.today, a.by, p.progress);
    });
    return Object.assign(new MonthlyReport(), {
      id: uuidv7(a.now.getTime()),
      contractId: c.id,
      citizenId: c.citizenId,
      period: a.period,
      submittedOn: a.submittedOn,
      status: 'SUBMITTED' as const,
      activityProgress: a.activityProgress,
      spending: a.spending,
      incomeChanges: a.incomeChanges,
      partnerNotes: a.partnerNotes,
      recordedBy: a.by,
    });
  }

  /** The specialist checks the documents: accepted reports complete the activities reported; a rejection sends them back. */
  review(contract: SocialContract, accept: boolean, note: string | null | undefined, today: IsoDate, by: string): void {
    if (this.status !== 'SUBMITTED')
      throw new ConflictError('REPORT_REVIEWED', `the report for ${this.period} was already ${this.status}`, {
        rule: 'STATE_MACHINE',
        currentState: this.status,
        attemptedAction: 'review',
      });
    if (!accept && !note?.trim())
      throw new ValidationError('input.note', 'REASONS_REQUIRED', 'say why the report is rejected');
    for (const p of this.activityProgress) {
      const act = contract.activities.find((x) => x.id === p.activityId);
      if (act?.status === 'REPORTED') applyActivityEvent(act, accept ? 'verify' : 'rejectReport', today, by, note);
    }
    this.status = accept ? 'ACCEPTED' : 'REJECTED';
    this.reviewNote = note?.trim() || null;
    this.reviewedBy = by;
  }

  spentTotal(): number {
    return this.spending.reduce((s, x) => s + x.amountKopecks, 0);
  }
}
