import { statisticsCellResolvers, type RequestContext } from '@sc/subgraph-kit';
import { READ_STATISTICS } from '../access';
import type { StatisticsCellResolvers } from '../generated/graphql';
import { socialProtectionMinCell } from '../statistics/application/statistics.queries';
import { SOCIAL_PROTECTION_INDICATORS } from '../statistics/domain/indicators';

/** ЦСПН's indicators of a statistics cell (issue 11). */
export const StatisticsCell = statisticsCellResolvers({
  field: 'socialProtection',
  rule: READ_STATISTICS,
  catalogue: SOCIAL_PROTECTION_INDICATORS,
  minCell: socialProtectionMinCell,
}) as unknown as StatisticsCellResolvers<RequestContext>;
