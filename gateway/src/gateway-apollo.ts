import { createHash } from 'node:crypto';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { GATEWAY_ASSERTION_HEADER, gatewayAssertionSigner, type Principal } from '@sc/auth';
import type { Logger } from '@sc/runtime';
import { createFormatError, PURPOSE_HEADER, queryLimits, type ProcessMetrics } from '@sc/subgraph-kit';
import { statisticsCsvDocumentOf } from './statistics-csv';
import type { SubgraphFetch } from './subgraph-fetch';
import { trustedDocumentsPlugin } from './trusted-documents';

export interface GatewayContext {
  principal: Principal;
  authorization: string;
  requestId: string;
  /** X-Purpose: why the caller reads personal data; forwarded to every subgraph, which records it. */
  purpose?: string;
}

export interface GatewayApolloOptions {
  supergraphSdl: string;
  subgraphUrls: Partial<Record<string, string>>;
  logger: Logger;
  gatewaySecret?: string;
  trustedDocuments?: Map<string, string>;
  subgraphFetch: SubgraphFetch;
  /** The process's metrics (absent in the statistics worker, whose requests the main thread counts). */
  metrics?: ProcessMetrics;
}

type SubgraphResponse = Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0];

/** Forwards the caller's token, so every subgraph verifies it again and audits the same subject. */
class AuthForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    config: ConstructorParameters<typeof RemoteGraphQLDataSource<GatewayContext>>[0],
    private readonly subgraph: string,
    private readonly assert?: (subgraph: string, authorization: string) => Promise<string>,
  ) {
    super(config);
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const ctx = context as Partial<GatewayContext>;
    if (ctx.authorization) request.http?.headers.set('authorization', ctx.authorization);
    if (ctx.requestId) request.http?.headers.set('x-request-id', ctx.requestId);
    if (ctx.purpose) request.http?.headers.set(PURPOSE_HEADER, ctx.purpose);
    // The subgraph accepts the caller's token only together with the gateway's word that it came through here.
    if (this.assert && ctx.authorization)
      request.http?.headers.set(GATEWAY_ASSERTION_HEADER, await this.assert(this.subgraph, ctx.authorization));
  }

  /**
   * A subgraph answers HTTP 400 when a variable fails its scalar (e.g. Date
   * 2025-02-30): that is the caller's mistake, so its coded error (BAD_USER_INPUT
   * with the rule) reaches the client instead of becoming an internal error.
   */
  override async errorFromResponse(response: SubgraphResponse): Promise<GraphQLError> {
    if (response.status === 400) {
      const body = (await response
        .clone()
        .json()
        .catch(() => null)) as { errors?: GraphQLFormattedError[] } | null;
      const first = body?.errors?.[0];
      if (first?.extensions?.code === 'BAD_USER_INPUT')
        return new GraphQLError(first.message, { extensions: { ...first.extensions } });
    }
    return super.errorFromResponse(response);
  }
}

/**
 * Apollo Gateway on the committed static supergraph (no introspection of
 * subgraphs at run time) in an Apollo Server with the project's limits,
 * safelist and error format — built the same way by the gateway's main
 * thread and by its statistics worker (statistics-worker.ts).
 */
export async function buildGatewayApollo(o: GatewayApolloOptions): Promise<ApolloServer<GatewayContext>> {
  const gateway = new ApolloGateway({
    supergraphSdl: o.supergraphSdl,
    buildService: ({ name, url }) =>
      new AuthForwardingDataSource(
        { url: o.subgraphUrls[name] ?? url, fetcher: o.subgraphFetch },
        name,
        o.gatewaySecret ? gatewayAssertionSigner(o.gatewaySecret) : undefined,
      ),
    logger: o.logger as never,
    // Splits the gateway's execution into planning and fetching in graphql_phase_duration_seconds.
    experimental_didResolveQueryPlan: ({ requestContext }) => o.metrics?.queryPlanResolved(requestContext.context),
  });
  const limits = queryLimits<GatewayContext>();
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    plugins: [
      ...(o.metrics ? [o.metrics.graphqlPlugin<GatewayContext>()] : []),
      // No HTTP caching of answers (personal data): cache-control hints would only cost a hook per field.
      ApolloServerPluginCacheControlDisabled(),
      ...limits.plugins,
      ...(o.trustedDocuments
        ? [trustedDocumentsPlugin<GatewayContext>(withStatisticsCsv(o.trustedDocuments, o.supergraphSdl))]
        : []),
    ],
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    formatError: createFormatError(o.logger),
    includeStacktraceInErrorResponses: false,
    stopOnTerminationSignals: false,
  });
  await apollo.start();
  return apollo;
}

/** The statistics CSV's own document is trusted too: the gateway runs it, not a client. */
function withStatisticsCsv(docs: Map<string, string>, supergraphSdl: string): Map<string, string> {
  const doc = statisticsCsvDocumentOf(supergraphSdl);
  return new Map([...docs, [createHash('sha256').update(doc).digest('hex'), doc]]);
}
