import { addMonths, ageOn, monthsBetween, termEnd } from './calendar-date';
import { RU_PRODUCTION_CALENDAR, WorkingCalendar } from './working-calendar';

const cal = new WorkingCalendar(RU_PRODUCTION_CALENDAR);

describe('calendar dates', () => {
  it('adds months clamping to the month end and computes a term end', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(termEnd('2026-12-01', 9)).toBe('2027-08-31');
    expect(termEnd('2026-11-15', 6)).toBe('2027-05-14');
  });
  it('lists months inclusive and computes ages', () => {
    expect(monthsBetween('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(ageOn('2003-11-24', '2026-11-23')).toBe(22);
    expect(ageOn('2003-11-23', '2026-11-23')).toBe(23);
  });
});

describe('working-day calendar (производственный календарь)', () => {
  it('skips weekends and the 2026 New Year holidays', () => {
    expect(cal.isWorkingDay('2026-01-09')).toBe(false); // transferred from 3 January
    expect(cal.isWorkingDay('2026-01-12')).toBe(true);
    expect(cal.addWorkingDays('2026-11-02', 5)).toBe('2026-11-10'); // 4 Nov is a holiday
  });
  it('honours a working Saturday', () => {
    expect(cal.isWorkingDay('2025-11-01')).toBe(true);
    expect(cal.isWorkingDay('2025-11-03')).toBe(false);
  });
  it('finds the n-th working day of a month and moves a deadline off a day off', () => {
    expect(cal.nthWorkingDayOf('2026-01', 1)).toBe('2026-01-12');
    expect(cal.nthWorkingDayOf('2026-03', 5)).toBe('2026-03-06');
    expect(cal.onOrAfter('2026-06-12')).toBe('2026-06-15');
  });
});
