import { addMonthsToMonth, monthsBetween, type IsoMonth } from './calendar-date';
import { ValidationError } from './errors';

/**
 * Отчётный период статистики: a month `2026-03`, a quarter `2026-Q1`, a year
 * `2026`, or a range of months `2026-01/2026-12` (ISO 8601 interval notation)
 * when the rows of a query are not split by time. A period is the months it
 * covers; flows are summed over them, stocks are taken at the end of the last.
 */
export type StatisticsPeriod = string;

/** The longest range a statistics query may span (5 years of months). */
export const MAX_STATISTICS_MONTHS = 60;

export type TimeAxis = 'MONTH' | 'QUARTER' | 'YEAR';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const YEAR = /^(\d{4})$/;
const RANGE = /^(\d{4}-(?:0[1-9]|1[0-2]))\/(\d{4}-(?:0[1-9]|1[0-2]))$/;

/** The first and last month of a period, else BAD_USER_INPUT naming the field. */
export function periodBounds(period: string, field: string): { first: IsoMonth; last: IsoMonth } {
  const m = MONTH.exec(period);
  if (m) return { first: period, last: period };
  const q = QUARTER.exec(period);
  if (q) {
    const first = `${q[1]}-${String((Number(q[2]) - 1) * 3 + 1).padStart(2, '0')}`;
    return { first, last: addMonthsToMonth(first, 2) };
  }
  const y = YEAR.exec(period);
  if (y) return { first: `${y[1]}-01`, last: `${y[1]}-12` };
  const r = RANGE.exec(period);
  if (r && r[1]! <= r[2]!) return { first: r[1]!, last: r[2]! };
  throw new ValidationError(
    field,
    'PERIOD_FORMAT',
    'must be a month (2026-03), a quarter (2026-Q1), a year (2026) or a range of months (2026-01/2026-12)',
  );
}

/** The months a period covers, in order. */
export const monthsOfPeriod = (period: string, field: string): IsoMonth[] => {
  const { first, last } = periodBounds(period, field);
  return monthsBetween(first, last);
};

/**
 * The periods of a query from `from` to `to` (each a month, quarter or year:
 * `from` counts from its first month, `to` up to its last), split by the
 * time axis, or the one range when the rows are not split by time.
 */
export function statisticsPeriods(from: string, to: string, axis: TimeAxis | null): StatisticsPeriod[] {
  const start = periodBounds(from, 'from').first;
  const end = periodBounds(to, 'to').last;
  if (start > end) throw new ValidationError('from', 'PERIOD_ORDER', `from (${from}) is after to (${to})`);
  const months = monthsBetween(start, end);
  if (months.length > MAX_STATISTICS_MONTHS)
    throw new ValidationError('to', 'PERIOD_TOO_LONG', `a query spans at most ${MAX_STATISTICS_MONTHS} months`);
  if (axis === null) return [start === end ? start : `${start}/${end}`];
  const key = (m: IsoMonth) =>
    axis === 'MONTH'
      ? m
      : axis === 'YEAR'
        ? m.slice(0, 4)
        : `${m.slice(0, 4)}-Q${Math.floor((Number(m.slice(5, 7)) - 1) / 3) + 1}`;
  return [...new Set(months.map(key))];
}
