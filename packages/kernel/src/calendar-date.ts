import { ValidationError } from './errors';

/**
 * Calendar dates as `YYYY-MM-DD` strings: deadlines and contract terms are
 * days, not instants, so they never shift with a time zone. Arithmetic is
 * done in UTC.
 */
export type IsoDate = string;
/** A calendar month, `YYYY-MM`. */
export type IsoMonth = string;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;

const toUtc = (d: IsoDate): Date => new Date(`${d}T00:00:00Z`);
const fromUtc = (d: Date): IsoDate => d.toISOString().slice(0, 10);

export function isIsoDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  return fromUtc(toUtc(s)) === s;
}

export function parseIsoDate(s: string, field: string): IsoDate {
  if (!isIsoDate(s)) throw new ValidationError(field, 'DATE_FORMAT', 'must be a calendar date YYYY-MM-DD');
  return s;
}

export function parseIsoMonth(s: string, field: string): IsoMonth {
  const m = MONTH_RE.exec(s);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12)
    throw new ValidationError(field, 'MONTH_FORMAT', 'must be a calendar month YYYY-MM');
  return s;
}

/**
 * The region's clock (DOMAIN.md: deadlines are the region's calendar days).
 * Each deployment serves one region, so its time zone is a property of the
 * process, set once at start (`useRegionTimeZone`, from REGION_TIME_ZONE or
 * the region's entry in REGION_TIME_ZONES); until then dates are UTC dates.
 * An IANA zone carries its own history: Иркутск was UTC+9 from 2011 to 2014.
 */
let regionZone = 'UTC';
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // en-CA formats a date as YYYY-MM-DD.
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

export function useRegionTimeZone(timeZone: string): void {
  if (!isTimeZone(timeZone)) throw new Error(`unknown time zone ${timeZone}`);
  regionZone = timeZone;
}

export const regionTimeZone = (): string => regionZone;

/** The calendar date of an instant in a time zone. */
export const dateIn = (instant: Date, timeZone: string): IsoDate => formatterFor(timeZone).format(instant);

/** The region's calendar date of an instant: "today" is `dateOf(clock.now())`. */
export const dateOf = (instant: Date): IsoDate =>
  regionZone === 'UTC' ? fromUtc(instant) : dateIn(instant, regionZone);

export const addDays = (d: IsoDate, n: number): IsoDate => {
  const x = toUtc(d);
  x.setUTCDate(x.getUTCDate() + n);
  return fromUtc(x);
};

/** Adds months keeping the day, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(d: IsoDate, n: number): IsoDate {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = daysInMonth(ny, nm);
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

export const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

export const monthOf = (d: IsoDate): IsoMonth => d.slice(0, 7);
export const firstDayOf = (m: IsoMonth): IsoDate => `${m}-01`;
export function lastDayOf(m: IsoMonth): IsoDate {
  const [y, mo] = m.split('-').map(Number) as [number, number];
  return `${m}-${String(daysInMonth(y, mo)).padStart(2, '0')}`;
}
export const addMonthsToMonth = (m: IsoMonth, n: number): IsoMonth => monthOf(addMonths(firstDayOf(m), n));

/** Months from `from` to `to` inclusive, in order (empty when `to` < `from`). */
export function monthsBetween(from: IsoMonth, to: IsoMonth): IsoMonth[] {
  const out: IsoMonth[] = [];
  for (let m = from; m <= to; m = addMonthsToMonth(m, 1)) out.push(m);
  return out;
}

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export const daysBetween = (a: IsoDate, b: IsoDate): number =>
  Math.round((toUtc(b).getTime() - toUtc(a).getTime()) / 86_400_000);

/** The last day of a term of `months` months starting on `start` (start 2026-12-01, 9 months → 2027-08-31). */
export const termEnd = (start: IsoDate, months: number): IsoDate => addDays(addMonths(start, months), -1);

/** Whole years between a birth date and a day. */
export function ageOn(birthDate: IsoDate, on: IsoDate): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export const weekday = (d: IsoDate): number => toUtc(d).getUTCDay(); // 0 = Sunday
