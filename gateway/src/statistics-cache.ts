import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import type { Principal } from '@sc/auth';
import { Kind, type OperationDefinitionNode } from 'graphql';

/** A query whose every root field is `statistics` (or `__typename`): counts only, no person in it. */
export function isStatisticsOnly(op: OperationDefinitionNode | undefined): boolean {
  if (!op || op.operation !== 'query') return false;
  const fields = op.selectionSet.selections;
  return (
    fields.length > 0 &&
    fields.every((s) => s.kind === Kind.FIELD && (s.name.value === 'statistics' || s.name.value === '__typename')) &&
    fields.some((s) => s.kind === Kind.FIELD && s.name.value === 'statistics')
  );
}

/** What a statistics answer depends on besides the query: the caller's agency, roles and territory (suppression). */
export const statisticsScopeOf = (p: Principal): string =>
  `${p.agency}|${[...p.roles].sort().join(',')}|${p.territory}`;

/**
 * The ministry's dashboard answered from the gateway for `seconds` (Apollo's
 * response-cache plugin): the same query with the same variables, asked by a
 * caller of the same scope, is served without the federated plan — the
 * merge of hundreds of cells from three subgraphs is most of its cost. Only
 * statistics-only queries are cached, never with errors, never across
 * scopes; the subgraphs' own period cache (STATISTICS_CACHE_MS) comes on
 * top, so a change shows within about two seconds. `seconds = 0` turns it
 * off. The plugin keeps no personal data: statistics have none.
 */
export function statisticsResponseCache<C extends { principal: Principal }>(seconds: number): ApolloServerPlugin<C>[] {
  if (seconds <= 0) return [];
  const only = async (rc: GraphQLRequestContext<C>) => isStatisticsOnly(rc.operation);
  return [
    {
      // Runs before the cache's own hook: it marks a statistics answer cacheable for this scope.
      async requestDidStart() {
        return {
          async willSendResponse(rc) {
            if (isStatisticsOnly(rc.operation) && !rc.metrics.responseCacheHit)
              rc.overallCachePolicy.replace({ maxAge: seconds, scope: 'PRIVATE' });
          },
        };
      },
    },
    responseCachePlugin<C>({
      sessionId: async (rc) => statisticsScopeOf(rc.contextValue.principal),
      shouldReadFromCache: only,
      shouldWriteToCache: only,
    }),
  ];
}
