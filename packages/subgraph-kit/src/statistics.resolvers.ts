import type { EntityManager } from '@mikro-orm/core';
import type { AccessRule } from '@sc/auth';
import type { IsoDate, StatisticsCatalogue } from '@sc/kernel';
import type { RequestContext } from './context';
import { StatisticsValuesScalar } from './scalars';
import { statisticsOfCells, type StatisticsOfCell, type StatisticsRef } from './statistics';

/**
 * An agency's side of the federated `StatisticsCell`: its field (e.g.
 * `employment`) over the cells of one request, computed in one batch (the
 * gateway sends every cell of a dashboard in one `_entities` call).
 */
export function statisticsCellResolvers(a: {
  field: string;
  /** The agency's statistics type (SocialProtectionStatistics …): its `all` field is the compact record. */
  type: string;
  rule: AccessRule;
  catalogue: StatisticsCatalogue;
  minCell: (em: EntityManager, region: string, onDate: IsoDate) => Promise<number>;
}) {
  const load = (ctx: RequestContext, ref: StatisticsRef) =>
    ctx
      .loader<string, StatisticsOfCell>(`statistics:${a.field}`, (keys) =>
        statisticsOfCells(
          ctx,
          a.rule,
          a.catalogue,
          a.minCell,
          keys.map((k) => {
            const [territory, period] = k.split('|') as [string, string];
            return { territory, period };
          }),
        ),
      )
      .load(`${ref.territory}|${ref.period}`);
  return {
    StatisticsValues: StatisticsValuesScalar,
    StatisticsCell: {
      __resolveReference: (ref: StatisticsRef) => ({ territory: ref.territory, period: ref.period }),
      [a.field]: (cell: StatisticsRef, _args: unknown, ctx: RequestContext) => load(ctx, cell),
    },
    [a.type]: { all: compactOf },
  };
}

/** Every indicator of a cell as one value: `{ field: { total, by: { key: count } } }`, null where hidden, zero keys left out (kept with the cached cell). */
const compacts = new WeakMap<StatisticsOfCell, unknown>();
const compactOf = (cell: StatisticsOfCell) => {
  const hit = compacts.get(cell);
  if (hit) return hit;
  const value = Object.fromEntries(
    Object.entries(cell).map(([field, ind]) => [
      field,
      // Zeros left out (a missing key is 0): most district-months have few non-zero keys.
      {
        total: ind.total.count,
        by: Object.fromEntries(ind.by.filter((v) => v.count !== 0).map((v) => [v.key, v.count])),
      },
    ]),
  );
  compacts.set(cell, value);
  return value;
};
