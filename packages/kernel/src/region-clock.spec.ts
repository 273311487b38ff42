import { addDays, dateIn, dateOf, isTimeZone, regionTimeZone, useRegionTimeZone } from './calendar-date';
import { REGION_TIME_ZONES } from './region-time-zones';

/** "Today" is the region's calendar day: in Иркутск (UTC+8) a day starts at 16:00 UTC of the day before. */
describe('the region’s clock', () => {
  afterEach(() => useRegionTimeZone('UTC'));

  it('turns the date at local midnight, not at UTC midnight', () => {
    const irkutsk = REGION_TIME_ZONES['25']!;
    expect(irkutsk).toBe('Asia/Irkutsk');
    expect(dateIn(new Date('2026-03-01T15:59:59Z'), irkutsk)).toBe('2026-03-01');
    expect(dateIn(new Date('2026-03-01T16:00:00Z'), irkutsk)).toBe('2026-03-02');
    expect(dateIn(new Date('2026-12-31T16:30:00Z'), irkutsk)).toBe('2027-01-01'); // a new year (and a new ПМ) at 00:30
  });

  it('follows the zone’s history (Иркутск was UTC+9 from 2011 to 2014)', () => {
    expect(dateIn(new Date('2012-06-01T15:30:00Z'), 'Asia/Irkutsk')).toBe('2012-06-02');
    expect(dateIn(new Date('2016-06-01T15:30:00Z'), 'Asia/Irkutsk')).toBe('2016-06-01');
  });

  it('dateOf is the region’s date once the process serves a region, the UTC date before', () => {
    const evening = new Date('2026-11-02T16:30:00Z');
    expect(regionTimeZone()).toBe('UTC');
    expect(dateOf(evening)).toBe('2026-11-02');
    useRegionTimeZone('Asia/Irkutsk');
    expect(dateOf(evening)).toBe('2026-11-03');
    expect(addDays(dateOf(evening), 10)).toBe('2026-11-13');
  });

  it('knows a time zone from a typo, and every table entry is one', () => {
    expect(isTimeZone('Asia/Irkutsk')).toBe(true);
    expect(isTimeZone('Asia/Irkutskk')).toBe(false);
    expect(() => useRegionTimeZone('Mars/Olympus')).toThrow(/unknown time zone/);
    for (const z of Object.values(REGION_TIME_ZONES)) expect(isTimeZone(z)).toBe(true);
  });
});
