import { statisticsCellResolvers, type RequestContext } from '@sc/subgraph-kit';
import { READ_STATISTICS } from '../access';
import type { Resolvers } from '../generated/graphql';
import { socialProtectionMinCell } from '../statistics/application/statistics.queries';
import { SOCIAL_PROTECTION_INDICATORS } from '../statistics/domain/indicators';

/** ЦСПН's indicators of a statistics cell (issue 11). */
export const statisticsResolvers = statisticsCellResolvers({
  field: 'socialProtection',
  type: 'SocialProtectionStatistics',
  rule: READ_STATISTICS,
  catalogue: SOCIAL_PROTECTION_INDICATORS,
  minCell: socialProtectionMinCell,
}) as unknown as Resolvers<RequestContext>;
