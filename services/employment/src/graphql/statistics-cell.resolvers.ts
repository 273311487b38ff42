import { statisticsCellResolvers, type RequestContext } from '@sc/subgraph-kit';
import { READ_STATISTICS } from '../access';
import type { Resolvers } from '../generated/graphql';
import { employmentMinCell } from '../statistics/application/statistics.queries';
import { EMPLOYMENT_INDICATORS } from '../statistics/domain/indicators';

/** ЦЗН's indicators of a statistics cell (issue 11). */
export const statisticsResolvers = statisticsCellResolvers({
  field: 'employment',
  type: 'EmploymentStatistics',
  rule: READ_STATISTICS,
  catalogue: EMPLOYMENT_INDICATORS,
  minCell: employmentMinCell,
}) as unknown as Resolvers<RequestContext>;
