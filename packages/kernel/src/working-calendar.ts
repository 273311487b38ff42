import { addDays, firstDayOf, lastDayOf, weekday, type IsoDate, type IsoMonth } from './calendar-date';

export type CalendarDayKind = 'HOLIDAY' | 'WORKING';

/** A day that differs from the Monday–Friday rule: a holiday (or transferred day off), or a working Saturday. */
export interface CalendarException {
  date: IsoDate;
  kind: CalendarDayKind;
  note?: string;
}

/**
 * Производственный календарь: working days are Monday to Friday except
 * holidays, plus any weekend day declared working by a transfer. The
 * exceptions are data (the Government sets them each year), not code.
 */
export class WorkingCalendar {
  private readonly holidays = new Set<IsoDate>();
  private readonly workingWeekends = new Set<IsoDate>();

  constructor(exceptions: readonly CalendarException[]) {
    for (const e of exceptions) (e.kind === 'HOLIDAY' ? this.holidays : this.workingWeekends).add(e.date);
  }

  isWorkingDay(d: IsoDate): boolean {
    if (this.holidays.has(d)) return false;
    const w = weekday(d);
    return (w !== 0 && w !== 6) || this.workingWeekends.has(d);
  }

  /**
   * The day on which a period of `n` working days that starts the day after
   * `from` ends (442-ФЗ deadlines: "within 5 working days of the application").
   */
  addWorkingDays(from: IsoDate, n: number): IsoDate {
    let d = from;
    for (let left = n; left > 0;) {
      d = addDays(d, 1);
      if (this.isWorkingDay(d)) left--;
    }
    return d;
  }

  /** The n-th working day of a month (n ≥ 1); the month's last working day when it has fewer. */
  nthWorkingDayOf(month: IsoMonth, n: number): IsoDate {
    let found = 0;
    let last = firstDayOf(month);
    for (let d = firstDayOf(month); d <= lastDayOf(month); d = addDays(d, 1)) {
      if (!this.isWorkingDay(d)) continue;
      last = d;
      if (++found === n) return d;
    }
    return last;
  }

  /** The first working day on or after `d` (a deadline falling on a day off moves forward, ГК РФ ст. 193). */
  onOrAfter(d: IsoDate): IsoDate {
    let x = d;
    while (!this.isWorkingDay(x)) x = addDays(x, 1);
    return x;
  }
}

/**
 * The federal production calendar as shipped: days off and transfers set by
 * the Government (2026: Постановление № 1466 от 24.09.2025; 2025: № 1335 от
 * 04.10.2024). Each service stores its own copy and an administrator can
 * correct or extend it; the 2025 transfers are [U] (checked from memory, not
 * against the official text).
 */
export const RU_PRODUCTION_CALENDAR: readonly CalendarException[] = [
  ...['01', '02', '03', '06', '07', '08'].map((d) => ({
    date: `2025-01-${d}`,
    kind: 'HOLIDAY' as const,
    note: 'Новогодние каникулы',
  })),
  { date: '2025-05-01', kind: 'HOLIDAY', note: 'Праздник Весны и Труда' },
  { date: '2025-05-02', kind: 'HOLIDAY', note: 'перенос с 4 января' },
  { date: '2025-05-08', kind: 'HOLIDAY', note: 'перенос с 23 февраля [U]' },
  { date: '2025-05-09', kind: 'HOLIDAY', note: 'День Победы' },
  { date: '2025-06-12', kind: 'HOLIDAY', note: 'День России' },
  { date: '2025-06-13', kind: 'HOLIDAY', note: 'перенос с 8 марта [U]' },
  { date: '2025-11-01', kind: 'WORKING', note: 'рабочая суббота (перенос на 3 ноября)' },
  { date: '2025-11-03', kind: 'HOLIDAY', note: 'перенос с 1 ноября' },
  { date: '2025-11-04', kind: 'HOLIDAY', note: 'День народного единства' },
  { date: '2025-12-31', kind: 'HOLIDAY', note: 'перенос с 5 января' },
  ...['01', '02', '05', '06', '07', '08', '09'].map((d) => ({
    date: `2026-01-${d}`,
    kind: 'HOLIDAY' as const,
    note: d === '09' ? 'перенос с 3 января' : 'Новогодние каникулы',
  })),
  { date: '2026-02-23', kind: 'HOLIDAY', note: 'День защитника Отечества' },
  { date: '2026-03-09', kind: 'HOLIDAY', note: 'перенос с 8 марта' },
  { date: '2026-05-01', kind: 'HOLIDAY', note: 'Праздник Весны и Труда' },
  { date: '2026-05-11', kind: 'HOLIDAY', note: 'перенос с 9 мая' },
  { date: '2026-06-12', kind: 'HOLIDAY', note: 'День России' },
  { date: '2026-11-04', kind: 'HOLIDAY', note: 'День народного единства' },
  { date: '2026-12-31', kind: 'HOLIDAY', note: 'перенос с 4 января' },
];
