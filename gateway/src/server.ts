import { createHash } from 'node:crypto';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { IncomingMessage, Server } from 'node:http';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { statisticsCsvDocumentOf, statisticsCsvRoute } from './statistics-csv';
import { documentProxyRoutes } from './document-proxy';
import { trustedDocumentsPlugin } from './trusted-documents';
import { statisticsCache } from './statistics-cache';
import { explorerPage } from './explorer';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServer } from '@apollo/server';
import fetch from 'node-fetch';
import {
  createTokenVerifier,
  GATEWAY_ASSERTION_HEADER,
  gatewayAssertionSigner,
  type AuthConfig,
  type Principal,
} from '@sc/auth';
import type { Logger } from '@sc/runtime';
import {
  close,
  createFormatError,
  createGraphQLHttpServer,
  listen,
  ProcessMetrics,
  PURPOSE_HEADER,
  queryLimits,
  rateLimiter,
  type RateLimitOptions,
} from '@sc/subgraph-kit';

export interface GatewayContext {
  principal: Principal;
  authorization: string;
  requestId: string;
  /** X-Purpose: why the caller reads personal data; forwarded to every subgraph, which records it. */
  purpose?: string;
}

export interface GatewayOptions {
  supergraphSdl: string;
  /** Subgraph name → URL; overrides the URL composed into the supergraph. */
  subgraphUrls: Partial<Record<string, string>>;
  auth: AuthConfig;
  logger: Logger;
  /** Off only in the benchmark, to show what keep-alive saves (a TCP connection per subgraph fetch). */
  keepAlive?: boolean;
  /** Shared with the subgraphs: each fetch carries an assertion signed with it (required in production). */
  gatewaySecret?: string;
  /** Requests per subject and per client address (429 + Retry-After past them); off when absent. */
  rateLimit?: RateLimitOptions;
  /** Longest a client waits for an answer before 504 TIMEOUT. */
  requestTimeoutMs?: number;
  /** Take the client address from X-Forwarded-For (behind a trusted load balancer only). */
  trustProxy?: boolean;
  /** When given, only these documents (sha256 → text) are executed: a safelist for production front-ends. */
  trustedDocuments?: Map<string, string>;
  /** Statistics-only queries answered from the gateway for this many seconds per caller scope (0: off). */
  statisticsCacheSeconds?: number;
  /** …and, older up to this many seconds, served once more while the next answer is computed. */
  statisticsStaleSeconds?: number;
  /** Serve the GraphiQL explorer to browsers (never in production: config.ts refuses it). */
  explorer?: boolean;
}

export interface GatewayServer {
  http: Server;
  url?: string;
  start(port: number): Promise<string>;
  stop(): Promise<void>;
}

// Subgraph fetches reuse sockets: without keep-alive every query plan step pays a TCP handshake.
const httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 256, keepAliveMsecs: 10_000 });
const httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: 256, keepAliveMsecs: 10_000 });

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

/** The gateway's fetch to its subgraphs: keep-alive agents chosen by protocol (none only in the benchmark). */
function subgraphFetchOf(keepAlive: boolean): typeof fetch {
  const agents = keepAlive
    ? { http: httpAgent, https: httpsAgent }
    : { http: new HttpAgent({ keepAlive: false }), https: new HttpsAgent({ keepAlive: false }) };
  return ((url: string, init: Record<string, unknown>) =>
    fetch(url, {
      ...init,
      agent: (u: URL) => (u.protocol === 'https:' ? agents.https : agents.http),
    })) as unknown as typeof fetch;
}

/** Apollo Gateway on the committed static supergraph (no introspection of subgraphs at run time). */
export async function createGatewayServer(o: GatewayOptions): Promise<GatewayServer> {
  const subgraphFetch = subgraphFetchOf(o.keepAlive !== false);
  const gateway = new ApolloGateway({
    supergraphSdl: o.supergraphSdl,
    buildService: ({ name, url }) =>
      new AuthForwardingDataSource(
        { url: o.subgraphUrls[name] ?? url, fetcher: subgraphFetch as never },
        name,
        o.gatewaySecret ? gatewayAssertionSigner(o.gatewaySecret) : undefined,
      ),
    logger: o.logger as never,
  });
  const limits = queryLimits<GatewayContext>();
  const metrics = new ProcessMetrics('gateway', ['/graphql', '/health', '/ready', '/metrics', '/statistics.csv']);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    plugins: [
      metrics.graphqlPlugin(),
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
  const verify = createTokenVerifier(o.auth);
  const limit = o.rateLimit ? rateLimiter(o.rateLimit) : undefined;
  const urls = Object.values(o.subgraphUrls).filter(Boolean) as string[];
  const http = createGraphQLHttpServer<GatewayContext>({
    apollo,
    logger: o.logger,
    metrics,
    landingPage: o.explorer ? explorerPage() : undefined,
    readiness: Object.fromEntries(
      urls.map((u) => [
        u,
        async () => {
          const r = await fetch(u.replace(/\/graphql$/, '/ready'), { agent: httpAgent });
          if (!r.ok) throw new Error(`HTTP ${r.status}`);
        },
      ]),
    ),
    timeoutMs: o.requestTimeoutMs,
    execute: statisticsCacheOf(apollo, o),
    routes: gatewayRoutes(apollo, o, subgraphFetch),
    context: async (req, requestId) => {
      // The address is counted before the token is checked, so a flood of forged tokens is limited too.
      await limit?.('address', clientAddress(req, o.trustProxy === true));
      const principal = await verify(req.headers.authorization);
      await limit?.('subject', principal.subject);
      const purpose = req.headers[PURPOSE_HEADER] as string | undefined;
      return { principal, authorization: req.headers.authorization!, requestId, purpose };
    },
  });
  const g: GatewayServer = {
    http,
    async start(port) {
      const p = await listen(http, port);
      g.url = `http://127.0.0.1:${p}/graphql`;
      return g.url;
    },
    async stop() {
      await close(http);
      await apollo.stop();
    },
  };
  return g;
}

/** A repeated statistics query answered before Apollo (statistics-cache.ts); any other request goes to Apollo. */
const statisticsCacheOf = (apollo: ApolloServer<GatewayContext>, o: GatewayOptions) =>
  statisticsCache<GatewayContext>(
    (httpGraphQLRequest, context) =>
      apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest, context: async () => context }),
    {
      freshSeconds: o.statisticsCacheSeconds ?? 0,
      staleSeconds: o.statisticsStaleSeconds ?? 0,
      documentByHash: (h) => o.trustedDocuments?.get(h),
    },
  );

/** GET endpoints beside /graphql: the statistics CSV, and the printable documents passed to their agencies. */
function gatewayRoutes(
  apollo: ApolloServer<GatewayContext>,
  o: GatewayOptions,
  subgraphFetch: Parameters<typeof documentProxyRoutes>[1],
) {
  return {
    '/statistics.csv': statisticsCsvRoute(apollo, o.supergraphSdl),
    ...documentProxyRoutes(
      o.subgraphUrls,
      subgraphFetch,
      o.gatewaySecret ? gatewayAssertionSigner(o.gatewaySecret) : undefined,
    ),
  };
}

/** The client's address: the socket's peer, or the first X-Forwarded-For hop behind a trusted proxy. */
function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = trustProxy
    ? String(req.headers['x-forwarded-for'] ?? '')
        .split(',')[0]
        ?.trim()
    : '';
  return forwarded || req.socket.remoteAddress || 'unknown';
}

/** The statistics CSV's own document is trusted too: the gateway runs it, not a client. */
function withStatisticsCsv(docs: Map<string, string>, supergraphSdl: string): Map<string, string> {
  const doc = statisticsCsvDocumentOf(supergraphSdl);
  return new Map([...docs, [createHash('sha256').update(doc).digest('hex'), doc]]);
}
