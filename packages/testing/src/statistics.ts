import { groupBySourcesSql } from '@sc/subgraph-kit';
import { query } from './sql';

/**
 * The statistics counters of a service's database, and the same figures by a
 * plain GROUP BY over its source tables, as `month|territory|indicator|key →
 * n/amount` maps a test compares (issue 11: counters are exact).
 */
export async function countersAndSources(
  db: string,
  tables: readonly string[],
): Promise<{ live: Record<string, string>; plain: Record<string, string>; indicators: Set<string> }> {
  const asMap = (rows: Record<string, unknown>[]) =>
    Object.fromEntries(
      rows.map((x) => [`${x.month}|${x.territory}|${x.indicator}|${x.key}`, `${x.n}/${x.amount}`]).sort(),
    );
  const live = await query(db, `select * from stat_counter where n <> 0 or amount <> 0`);
  const plain = await query(db, groupBySourcesSql(tables));
  return { live: asMap(live), plain: asMap(plain), indicators: new Set(live.map((x) => String(x.indicator))) };
}

/** A small seeded generator (mulberry32): a randomized run that is reproducible from its seed. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    chance: (p: number) => next() < p,
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
  };
}

/**
 * An agency's statistics cells asked of its subgraph as the gateway asks
 * (`_entities` with StatisticsCell representations): `selection` is the
 * agency's part, e.g. `employment { employed { total { count } } }`.
 */
export async function statisticsCellsOf(
  ok: (q: string, v: Record<string, unknown>, token?: string) => Promise<any>,
  token: string,
  selection: string,
  territories: readonly string[],
  period: string,
): Promise<any[]> {
  const data = await ok(
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on StatisticsCell { territory ${selection} } } }`,
    { r: territories.map((territory) => ({ __typename: 'StatisticsCell', territory, period })) },
    token,
  );
  return data._entities;
}

/** The SQL `like` pattern of the cases a statistics cell of `territory` counts (the region: every case of it). */
export const casesOfCell = (territory: string): string =>
  territory.endsWith('000000') ? `${territory.slice(0, 2)}%` : `${territory}%`;
