import type { EntityManager } from '@mikro-orm/core';
import type { AccessRule } from '@sc/auth';
import type { IsoDate } from '@sc/kernel';
import type { RequestContext } from './context';
import { statisticsOfCells, type StatisticsCatalogue, type StatisticsOfCell, type StatisticsRef } from './statistics';

/**
 * An agency's side of the federated `StatisticsCell`: its field (e.g.
 * `employment`) over the cells of one request, computed in one batch (the
 * gateway sends every cell of a dashboard in one `_entities` call).
 */
export function statisticsCellResolvers(a: {
  field: string;
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
    __resolveReference: (ref: StatisticsRef) => ({ territory: ref.territory, period: ref.period }),
    [a.field]: (cell: StatisticsRef, _args: unknown, ctx: RequestContext) => load(ctx, cell),
  };
}
