import type { IncomingMessage, Server } from 'node:http';
import type { ApolloServer, HTTPGraphQLRequest } from '@apollo/server';
import { createTokenVerifier, gatewayAssertionSigner, type AuthConfig } from '@sc/auth';
import type { Logger } from '@sc/runtime';
import {
  close,
  createGraphQLHttpServer,
  listen,
  ProcessMetrics,
  PURPOSE_HEADER,
  rateLimiter,
  type RateLimitOptions,
} from '@sc/subgraph-kit';
import { buildGatewayApollo, type GatewayContext } from './gateway-apollo';
import { subgraphFetchOf, type SubgraphFetch } from './subgraph-fetch';
import { statisticsCsvRoute } from './statistics-csv';
import { documentProxyRoutes } from './document-proxy';
import { statisticsCache } from './statistics-cache';
import { statisticsWorker } from './statistics-worker-client';
import { explorerPage } from './explorer';

export type { GatewayContext } from './gateway-apollo';

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

/** Apollo Gateway on the committed static supergraph (no introspection of subgraphs at run time). */
export async function createGatewayServer(o: GatewayOptions): Promise<GatewayServer> {
  const subgraphFetch = subgraphFetchOf(o.keepAlive !== false);
  const metrics = new ProcessMetrics('gateway', ['/graphql', '/health', '/ready', '/metrics', '/statistics.csv']);
  const apollo = await buildGatewayApollo({ ...o, subgraphFetch, metrics });
  const statistics = statisticsCacheOf(apollo, o);
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
          const r = await subgraphFetch(u.replace(/\/graphql$/, '/ready'));
          if (!r.ok) throw new Error(`HTTP ${r.status}`);
        },
      ]),
    ),
    timeoutMs: o.requestTimeoutMs,
    execute: statistics.execute,
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
      await statistics.stop();
      await apollo.stop();
    },
  };
  return g;
}

/**
 * A repeated statistics query answered before Apollo (statistics-cache.ts),
 * its answers computed by the statistics worker; any other request goes to
 * the main thread's Apollo.
 */
function statisticsCacheOf(apollo: ApolloServer<GatewayContext>, o: GatewayOptions) {
  const execute = (httpGraphQLRequest: HTTPGraphQLRequest, context: GatewayContext) =>
    apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest, context: async () => context });
  const freshSeconds = o.statisticsCacheSeconds ?? 0;
  const worker =
    freshSeconds > 0
      ? statisticsWorker(
          {
            supergraphSdl: o.supergraphSdl,
            subgraphUrls: o.subgraphUrls,
            gatewaySecret: o.gatewaySecret,
            trustedDocuments: o.trustedDocuments,
            logLevel: (o.logger as { level?: string }).level ?? 'info',
          },
          o.logger,
          execute,
        )
      : undefined;
  return {
    execute: statisticsCache<GatewayContext>(execute, {
      freshSeconds,
      staleSeconds: o.statisticsStaleSeconds ?? 0,
      documentByHash: (h) => o.trustedDocuments?.get(h),
      compute: worker?.execute,
    }),
    stop: async () => worker?.stop(),
  };
}

/** GET endpoints beside /graphql: the statistics CSV, and the printable documents passed to their agencies. */
function gatewayRoutes(apollo: ApolloServer<GatewayContext>, o: GatewayOptions, subgraphFetch: SubgraphFetch) {
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
