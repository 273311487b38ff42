import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import {
  HeaderMap,
  type ApolloServer,
  type BaseContext,
  type HTTPGraphQLRequest,
  type HTTPGraphQLResponse,
} from '@apollo/server';
import { isDomainError } from '@sc/kernel';
import { type Logger } from '@sc/runtime';
import type { ProcessMetrics } from './metrics';
import { RateLimitedError } from './rate-limit';

export type ReadinessCheck = () => Promise<void>;

export interface GraphQLHttpOptions<C extends BaseContext> {
  apollo: ApolloServer<C>;
  /** Builds the request context; throwing UNAUTHENTICATED answers HTTP 401 before any execution. */
  context: (req: IncomingMessage, requestId: string) => Promise<C>;
  readiness: Record<string, ReadinessCheck>;
  logger: Logger;
  maxBodyBytes?: number;
  /** An answer within this time, or 504 TIMEOUT (the work may still finish; the client is not kept waiting). */
  timeoutMs?: number;
  /** Other GET endpoints (e.g. the statistics CSV), answered after the same authentication and rate limits. */
  routes?: Record<string, (res: ServerResponse, url: URL, context: C) => Promise<void>>;
  /** `/metrics` for Prometheus, and every request timed by route and status. */
  metrics?: ProcessMetrics;
  /** HTML for a browser that opens `/` or `/graphql` (the explorer); served before authentication, it holds no data. */
  landingPage?: string;
  /** Runs a `/graphql` request (Apollo by default): the gateway answers a repeated statistics query before Apollo. */
  execute?: (request: HTTPGraphQLRequest, context: C) => Promise<HttpAnswer>;
}

/** An answer to write; `bytes`, when given, are its body already encoded (the gateway's stored statistics). */
export type HttpAnswer = HTTPGraphQLResponse & { bytes?: Buffer };

/**
 * A minimal Node HTTP integration for Apollo Server: `/graphql`, `/health`
 * (liveness: the process answers) and `/ready` (readiness: every dependency
 * answers). Smaller than an Express stack and it keeps 401 handling in one
 * place for the gateway and the subgraphs alike.
 */
export function createGraphQLHttpServer<C extends BaseContext>(o: GraphQLHttpOptions<C>): Server {
  const server = createServer((req, res) => {
    const timer = o.timeoutMs
      ? setTimeout(() => {
          if (res.headersSent) return;
          o.logger.warn({ url: req.url, timeoutMs: o.timeoutMs }, 'request timed out');
          sendJson(res, 504, { errors: [{ message: 'the request took too long', extensions: { code: 'TIMEOUT' } }] });
        }, o.timeoutMs)
      : undefined;
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      clearTimeout(timer);
      const path = (req.url ?? '/').split('?')[0]!;
      o.metrics?.observeHttp(
        path,
        req.method ?? 'GET',
        res.statusCode,
        Number(process.hrtime.bigint() - started) / 1e9,
      );
    });
    handle(o, req, res).catch((err) => {
      o.logger.error({ err }, 'request failed');
      if (!res.headersSent)
        sendJson(res, 500, { errors: [{ message: 'internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      else res.end();
    });
  });
  server.keepAliveTimeout = 65_000; // longer than the gateway's idle sockets
  server.headersTimeout = 66_000;
  return server;
}

async function handle<C extends BaseContext>(
  o: GraphQLHttpOptions<C>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/health') return sendJson(res, 200, { status: 'ok' });
  if (url.pathname === '/ready') return ready(o, res);
  if (url.pathname === '/metrics' && o.metrics) return sendMetrics(o.metrics, res);
  if (o.landingPage && wantsPage(req, url)) return sendHtml(res, o.landingPage);
  const route = o.routes?.[url.pathname];
  if (url.pathname !== '/graphql' && !route) return sendJson(res, 404, { error: 'not found' });

  const requestId = (req.headers['x-request-id'] as string) || randomUUID();
  let context: C;
  try {
    context = await o.context(req, requestId);
  } catch (e) {
    if (e instanceof RateLimitedError) {
      o.logger.info({ requestId, scope: e.scope }, 'rate limited');
      res.setHeader('retry-after', String(e.retryAfterSeconds));
      return sendJson(res, 429, { errors: [{ message: e.message, extensions: { code: 'RATE_LIMITED' } }] });
    }
    if (isDomainError(e) && e.category === 'UNAUTHENTICATED') {
      // The client learns only that the token was refused; which check failed is for the log.
      o.logger.info({ requestId, reason: (e as { reason?: string }).reason }, 'token refused');
      res.setHeader('www-authenticate', 'Bearer');
      return sendJson(res, 401, { errors: [{ message: e.message, extensions: { code: 'UNAUTHENTICATED' } }] });
    }
    throw e;
  }
  if (route) return route(res, url, context);

  const headers = new HeaderMap();
  for (const [k, v] of Object.entries(req.headers)) {
    if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
  }
  let body: unknown = undefined;
  if (req.method === 'POST') {
    const raw = await readBody(req, o.maxBodyBytes ?? 1_000_000);
    if (raw === null)
      return sendJson(res, 413, {
        errors: [{ message: 'request body too large', extensions: { code: 'BAD_REQUEST' } }],
      });
    try {
      body = raw.length ? JSON.parse(raw) : undefined;
    } catch {
      return sendJson(res, 400, {
        errors: [{ message: 'request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }],
      });
    }
  }
  const httpGraphQLRequest = { method: req.method ?? 'GET', headers, search: url.search, body };
  const result: HttpAnswer = o.execute
    ? await o.execute(httpGraphQLRequest, context)
    : await o.apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest, context: async () => context });
  if (res.headersSent) return; // answered 504 already
  res.statusCode = result.status ?? 200;
  for (const [k, v] of result.headers) res.setHeader(k, v);
  res.setHeader('x-request-id', requestId);
  if (result.bytes) {
    res.end(result.bytes);
    return;
  }
  if (result.body.kind === 'complete') {
    res.end(result.body.string);
    return;
  }
  for await (const chunk of result.body.asyncIterator) res.write(chunk);
  res.end();
}

async function ready<C extends BaseContext>(o: GraphQLHttpOptions<C>, res: ServerResponse): Promise<void> {
  const checks: Record<string, string> = {};
  let ok = true;
  await Promise.all(
    Object.entries(o.readiness).map(async ([name, check]) => {
      try {
        await withTimeout(check(), 2000);
        checks[name] = 'ok';
      } catch (e) {
        ok = false;
        checks[name] = `unavailable: ${(e as Error).message}`;
      }
    }),
  );
  sendJson(res, ok ? 200 : 503, { status: ok ? 'ready' : 'not ready', checks });
}

/** A browser opening the URL: GET of `/` or `/graphql` without a query, asking for HTML. */
const wantsPage = (req: IncomingMessage, url: URL): boolean =>
  req.method === 'GET' &&
  (url.pathname === '/' || url.pathname === '/graphql') &&
  !url.searchParams.has('query') &&
  String(req.headers.accept ?? '').includes('text/html');

function sendHtml(res: ServerResponse, html: string): void {
  res.statusCode = 200;
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.end(html);
}

/** No personal data in any series; reached only inside the cluster (infra/k8s NetworkPolicy). */
async function sendMetrics(m: ProcessMetrics, res: ServerResponse): Promise<void> {
  const text = await m.text();
  res.statusCode = 200;
  res.setHeader('content-type', m.registry.contentType);
  res.end(text);
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    p.then(
      (v) => (clearTimeout(t), resolve(v)),
      (e) => (clearTimeout(t), reject(e)),
    );
  });
}

function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) tooLarge = true;
      else chunks.push(c);
    });
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return; // a timeout answered first
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}

export function listen(server: Server, port: number, host = '0.0.0.0'): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const a = server.address();
      resolve(typeof a === 'object' && a ? a.port : port);
    });
  });
}

export function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections?.();
  });
}
