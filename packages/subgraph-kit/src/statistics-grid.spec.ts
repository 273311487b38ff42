import type { StatisticsCatalogue } from '@sc/kernel';
import { StatisticsGrid, type CounterRow } from './statistics-grid';

const TERRITORIES = [
  { code: '25000000', level: 'REGION' as const },
  { code: '25600000', level: 'GROUP' as const },
  { code: '25601000', level: 'DISTRICT' as const },
  { code: '25602000', level: 'DISTRICT' as const },
  { code: '25603000', level: 'DISTRICT' as const },
];
const CATALOGUE: StatisticsCatalogue = [
  { field: 'flow', counter: 'F', keys: ['X', 'Y'], money: true },
  { field: 'stock', counter: 'O', kind: 'STOCK', closedBy: 'C', keys: ['X'] },
  { field: 'days', counter: 'D', kind: 'HISTOGRAM' },
];
const row = (month: string, territory: string, indicator: string, key: string, n: number, amount = 0): CounterRow => ({
  month,
  territory,
  indicator,
  key,
  n,
  amount,
});

describe('statistics grid (vectors per month, periods, stocks, suppression)', () => {
  const rows = [
    row('2026-01', '25601000', 'F', 'X', 10, 1000),
    row('2026-02', '25601000', 'F', 'X', 5, 500),
    row('2026-02', '25601000', 'F', 'Y', 2, 20),
    row('2026-01', '25602000', 'F', 'X', 3, 30),
    row('2026-02', '25603000', 'F', 'Y', 9, 90),
    row('2026-01', '25000000', 'F', 'X', 4, 40), // the region's unassigned queue: in the region only
    row('2025-06', '25601000', 'O', 'X', 7),
    row('2026-01', '25601000', 'C', 'X', 2),
    row('2026-03', '25601000', 'C', 'X', 5),
    row('2026-01', '25602000', 'D', 'A>B:T#2', 1),
    row('2026-01', '25602000', 'D', 'A>B:T#3', 2),
    row('2026-02', '25602000', 'D', 'A>B:T#10', 1),
  ];
  const grid = new StatisticsGrid(CATALOGUE, TERRITORIES, rows);

  it('sums a flow over the months of the period, districts into groups and the region', () => {
    const cells = grid.period(['2026-01', '2026-02'], 0);
    expect(cells('25601000').flow!.total).toMatchObject({ count: 17, amountKopecks: 1520, meanKopecks: 89 });
    expect(cells('25601000').flow!.by.map((v) => [v.key, v.count])).toEqual([
      ['X', 15],
      ['Y', 2],
    ]);
    expect(cells('25600000').flow!.total.count).toBe(29);
    expect(cells('25000000').flow!.total.count).toBe(33); // + the unassigned 4
    expect(grid.period(['2026-02'], 0)('25601000').flow!.total.count).toBe(7);
  });

  it('takes a stock at the end of the period: openings minus closings up to then', () => {
    expect(grid.period(['2025-12'], 0)('25601000').stock!.total.count).toBe(7);
    expect(grid.period(['2026-01', '2026-02'], 0)('25601000').stock!.total.count).toBe(5);
    expect(grid.period(['2026-03'], 0)('25601000').stock!.total.count).toBe(0);
  });

  it('gives the median and p90 of days from a histogram', () => {
    const v = grid.period(['2026-01', '2026-02'], 0)('25602000').days!.by[0]!;
    expect(v).toMatchObject({ key: 'A>B:T', count: 4, medianDays: 3, p90Days: 10 });
  });

  it('hides small district counts and a second cell of each published sum; never the region', () => {
    const cells = grid.period(['2026-01', '2026-02'], 5);
    // 25602000 has 3 (hidden); 25603000 has 9 and 25601000 17: the smaller (9) goes too
    expect(cells('25602000').flow!.total).toMatchObject({ count: null, suppressed: true, amountKopecks: null });
    expect(cells('25603000').flow!.total).toMatchObject({ count: null, suppressed: true });
    expect(cells('25601000').flow!.total).toMatchObject({ count: 17, suppressed: false });
    expect(cells('25000000').flow!.total).toMatchObject({ count: 33, suppressed: false });
    // 25601000's breakdown: Y = 2 hidden, and with it X (the total 17 is published)
    expect(cells('25601000').flow!.by.map((v) => v.suppressed)).toEqual([true, true]);
    // the group is not the region: its total is a published sum over its districts, so checked too
    const group = cells('25600000').flow!;
    expect(group.total.suppressed).toBe(false);
  });
});
