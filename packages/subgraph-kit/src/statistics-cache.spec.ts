import { periodCache } from './statistics-cache';

describe('statistics: computed periods kept for the service', () => {
  let now = 0;
  beforeEach(() => {
    now = 1_000;
    jest.spyOn(performance, 'now').mockImplementation(() => now);
  });
  afterEach(() => jest.restoreAllMocks());

  it('hands the same computation back until the TTL has passed, then asks for a new one', () => {
    const cache = periodCache<{ n: number }>({}, 5_000);
    const cells = cache.set('0|2026-11', { n: 1 });
    now += 4_999;
    expect(cache.get('0|2026-11')).toBe(cells);
    now += 1;
    expect(cache.get('0|2026-11')).toBeUndefined();
  });

  it('keeps nothing with a TTL of 0, and nothing across services', () => {
    const a = {};
    expect(periodCache(a, 0).set('0|2026-11', { n: 1 })).toEqual({ n: 1 });
    expect(periodCache(a, 0).get('0|2026-11')).toBeUndefined();
    periodCache(a, 5_000).set('0|2026-11', { n: 2 });
    expect(periodCache({}, 5_000).get('0|2026-11')).toBeUndefined();
    expect(periodCache(a, 5_000).get('0|2026-11')).toEqual({ n: 2 });
  });

  it('keeps at most 1,000 periods, letting the least recently asked go first', () => {
    const cache = periodCache<{ i: number }>({}, 60_000);
    for (let i = 0; i < 1_000; i++) cache.set(`k${i}`, { i });
    expect(cache.get('k0')).toEqual({ i: 0 }); // asked again: now the most recent
    cache.set('k1000', { i: 1_000 });
    expect(cache.get('k1')).toBeUndefined();
    expect(cache.get('k0')).toEqual({ i: 0 });
    expect(cache.get('k1000')).toEqual({ i: 1_000 });
  });
});
