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
