import { RU_PRODUCTION_CALENDAR, WorkingCalendar } from '@sc/kernel';
import type { SocialContract } from '../../contracts/domain/social-contract';
import { RegionalParameters } from '../../parameters/domain/regional-parameters';
import { monthlyObligations } from './obligations';

const contract = { startDate: '2026-12-01', endDate: '2027-08-31' } as SocialContract;
const calendar = new WorkingCalendar(RU_PRODUCTION_CALENDAR);

describe('monthly reports and control visits (DOMAIN.md §2.1.8)', () => {
  it('lists begun months with working-day report deadlines and flags what is overdue', () => {
    const o = monthlyObligations({
      contract,
      reportPeriods: ['2026-12'],
      visitPeriods: [],
      today: '2027-01-20',
      calendar,
      params: RegionalParameters.defaults(),
    });
    expect(o).toEqual([
      // 5th working day of January 2027: 1–8 January are not in the shipped 2027 data, so weekdays count
      {
        period: '2026-12',
        reportDueDate: '2027-01-07',
        reportSubmitted: true,
        reportOverdue: false,
        visitDueDate: '2026-12-31',
        visitsDone: 0,
        visitOverdue: true,
      },
      {
        period: '2027-01',
        reportDueDate: '2027-02-05',
        reportSubmitted: false,
        reportOverdue: false,
        visitDueDate: '2027-01-31',
        visitsDone: 0,
        visitOverdue: false,
      },
    ]);
  });
  it('counts working days around holidays (report for May 2026 due after the 11 May day off)', () => {
    const c = { startDate: '2026-04-01', endDate: '2026-09-30' } as SocialContract;
    const o = monthlyObligations({
      contract: c,
      reportPeriods: [],
      visitPeriods: [],
      today: '2026-06-30',
      calendar,
      params: RegionalParameters.defaults(),
    });
    expect(o.find((x) => x.period === '2026-04')?.reportDueDate).toBe('2026-05-08');
    expect(o.find((x) => x.period === '2026-05')?.reportDueDate).toBe('2026-06-05');
    expect(o.every((x) => x.reportOverdue === (x.period !== '2026-06'))).toBe(true);
  });
});
