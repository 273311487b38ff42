import { statisticsCellResolvers, type RequestContext } from '@sc/subgraph-kit';
import { READ_STATISTICS } from '../access';
import type { Resolvers } from '../generated/graphql';
import { socialServiceMinCell } from '../statistics/application/statistics.queries';
import { SOCIAL_SERVICE_INDICATORS } from '../statistics/domain/indicators';

/** КЦСОН's indicators of a statistics cell (issue 11). */
export const statisticsResolvers = statisticsCellResolvers({
  field: 'socialService',
  type: 'SocialServiceStatistics',
  rule: READ_STATISTICS,
  catalogue: SOCIAL_SERVICE_INDICATORS,
  minCell: socialServiceMinCell,
}) as unknown as Resolvers<RequestContext>;
