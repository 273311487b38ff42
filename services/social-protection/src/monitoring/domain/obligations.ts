import {
  addMonthsToMonth,
  lastDayOf,
  monthOf,
  monthsBetween,
  type IsoDate,
  type IsoMonth,
  type WorkingCalendar,
} from '@sc/kernel';
import type { SocialContract } from '../../contracts/domain/social-contract';
import type { RegionalParameters } from '../../parameters/domain/regional-parameters';

/** One month of a running contract: the citizen's report and the control visit, with their deadlines. */
export interface MonthObligation {
  period: IsoMonth;
  reportDueDate: IsoDate;
  reportSubmitted: boolean;
  reportOverdue: boolean;
  visitDueDate: IsoDate;
  visitsDone: number;
  visitOverdue: boolean;
}

/** A month's report is due by the N-th working day of the next month, or the day a good cause moved it to. */
export const monthlyReportDueDate = (
  c: Pick<SocialContract, 'reportDeadlineExtensions'>,
  period: IsoMonth,
  calendar: WorkingCalendar,
  params: RegionalParameters,
): IsoDate =>
  c.reportDeadlineExtensions?.[period] ??
  calendar.nthWorkingDayOf(addMonthsToMonth(period, 1), params.get('MONTHLY_REPORT_DUE_WORKING_DAY'));

/**
 * Reports are due by the N-th working day of the next month
 * (MONTHLY_REPORT_DUE_WORKING_DAY, [U]); visits by the month's end
 * (CONTROL_VISITS_PER_MONTH). Only months that have begun are listed.
 */
export function monthlyObligations(a: {
  contract: SocialContract;
  reportPeriods: readonly IsoMonth[];
  visitPeriods: readonly IsoMonth[];
  today: IsoDate;
  calendar: WorkingCalendar;
  params: RegionalParameters;
}): MonthObligation[] {
  const c = a.contract;
  const last = monthOf(c.endDate) < monthOf(a.today) ? monthOf(c.endDate) : monthOf(a.today);
  const visitsNeeded = a.params.get('CONTROL_VISITS_PER_MONTH');
  return monthsBetween(monthOf(c.startDate), last).map((period) => {
    const reportDueDate = monthlyReportDueDate(c, period, a.calendar, a.params);
    const reportSubmitted = a.reportPeriods.includes(period);
    const visitDueDate = lastDayOf(period) < c.endDate ? lastDayOf(period) : c.endDate;
    const visitsDone = a.visitPeriods.filter((p) => p === period).length;
    return {
      period,
      reportDueDate,
      reportSubmitted,
      reportOverdue: !reportSubmitted && a.today > reportDueDate,
      visitDueDate,
      visitsDone,
      visitOverdue: visitsDone < visitsNeeded && a.today > visitDueDate,
    };
  });
}
