import { statisticsCellResolvers, type RequestContext } from '@sc/subgraph-kit';
import { READ_STATISTICS } from '../access';
import type { StatisticsCellResolvers } from '../generated/graphql';
import { employmentMinCell } from '../statistics/application/statistics.queries';
import { EMPLOYMENT_INDICATORS } from '../statistics/domain/indicators';

/** ЦЗН's indicators of a statistics cell (issue 11). */
export const StatisticsCell = statisticsCellResolvers({
  field: 'employment',
  rule: READ_STATISTICS,
  catalogue: EMPLOYMENT_INDICATORS,
  minCell: employmentMinCell,
}) as unknown as StatisticsCellResolvers<RequestContext>;
