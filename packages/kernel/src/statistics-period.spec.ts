import { ValidationError } from './errors';
import { monthsOfPeriod, periodBounds, statisticsPeriods } from './statistics-period';

describe('statistics periods (month, quarter, year, range)', () => {
  it.each([
    ['2026-03', '2026-03', '2026-03'],
    ['2026-Q2', '2026-04', '2026-06'],
    ['2026', '2026-01', '2026-12'],
    ['2025-11/2026-02', '2025-11', '2026-02'],
  ])('%s covers %s to %s', (period, first, last) => {
    expect(periodBounds(period, 'period')).toEqual({ first, last });
  });

  it.each(['2026-13', '2026-Q5', '26', '2026-3', '2026-05/2026-01', 'март'])('refuses %s naming the field', (p) => {
    expect(() => periodBounds(p, 'from')).toThrow(ValidationError);
    try {
      periodBounds(p, 'from');
    } catch (e) {
      expect((e as ValidationError).details).toMatchObject({ field: 'from', rule: 'PERIOD_FORMAT' });
    }
  });

  it('splits a range by month, quarter or year, or keeps it whole', () => {
    expect(statisticsPeriods('2026-01', '2026-12', 'MONTH')).toHaveLength(12);
    expect(statisticsPeriods('2025-11', '2026-02', 'QUARTER')).toEqual(['2025-Q4', '2026-Q1']);
    expect(statisticsPeriods('2024', '2026-Q1', 'YEAR')).toEqual(['2024', '2025', '2026']);
    expect(statisticsPeriods('2026-Q1', '2026-Q2', null)).toEqual(['2026-01/2026-06']);
    expect(statisticsPeriods('2026-05', '2026-05', null)).toEqual(['2026-05']);
    expect(monthsOfPeriod('2026-Q4', 'p')).toEqual(['2026-10', '2026-11', '2026-12']);
  });

  it('refuses from after to, and a range over five years', () => {
    expect(() => statisticsPeriods('2026-05', '2026-01', 'MONTH')).toThrow(/PERIOD_ORDER|after/);
    expect(() => statisticsPeriods('2020-01', '2025-01', 'MONTH')).toThrow(/at most 60 months/);
    expect(statisticsPeriods('2021-01', '2025-12', 'YEAR')).toHaveLength(5);
  });
});
