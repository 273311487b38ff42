import { HeaderMap, type BaseContext, type HTTPGraphQLRequest, type HTTPGraphQLResponse } from '@apollo/server';
import type { Principal } from '@sc/auth';
import type { HttpAnswer } from '@sc/subgraph-kit';
import { getOperationAST, Kind, parse, type OperationDefinitionNode } from 'graphql';

/** A query whose every root field is `statistics` (or `__typename`): counts only, no person in it. */
export function isStatisticsOnly(op: OperationDefinitionNode | null | undefined): boolean {
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

export type Execute<C> = (request: HTTPGraphQLRequest, context: C) => Promise<HttpAnswer>;

export interface StatisticsCacheOptions<C> {
  /** An answer this young is served as it is (STATISTICS_CACHE_SECONDS; 0 turns the cache off). */
  freshSeconds: number;
  /** Older, up to this age, it is still served once while the gateway computes the next (STATISTICS_STALE_SECONDS). */
  staleSeconds: number;
  /** Answers kept at most (scopes × dashboards), and their bytes at most; the least recently stored goes first. */
  maxEntries?: number;
  maxBytes?: number;
  /** A trusted document's text by its hash, for requests that send only the hash. */
  documentByHash?: (sha256: string) => string | undefined;
  /** Where a statistics answer is computed (the gateway's statistics worker); `execute` when absent. */
  compute?: Execute<C>;
  now?: () => number;
}

interface Answer {
  /** The answer encoded once: a hit writes these bytes, with no per-request encoding or copy. */
  bytes: Buffer;
  headers: [string, string][];
  storedAt: number;
  refreshing: boolean;
}

/**
 * The ministry's dashboard kept ready at the gateway (issue 11): a query made
 * only of `statistics`, asked again with the same variables by a caller of the
 * same scope, is answered with the bytes of the last answer — no federated
 * plan, no merge of some 20,000 objects from three subgraphs, no JSON
 * serialisation — and an `age` header. Younger than `freshSeconds` it is
 * served as it is; up to `staleSeconds` it is served while one background
 * request (with the asking caller's context, so token, limits, safelist and
 * suppression apply as on any request) computes the next, so a dashboard that
 * keeps asking never waits for a merge and never sees a figure older than
 * `staleSeconds`; older, the caller waits for a fresh answer. Concurrent
 * misses of one key share one execution. Only complete answers without
 * errors are kept, never across scopes; statistics carry no personal data.
 *
 * Why not Apollo's response-cache plugin (used before): a hit there re-parses
 * and re-serialises the cached answer (≈ 36 ms for the full dashboard) and
 * every expiry makes one caller wait for the whole merge (p95 ≈ 200 ms at a
 * million contracts); both are the cost the 50 ms goal forbids.
 */
export function statisticsCache<C extends BaseContext & { principal: Principal }>(
  execute: Execute<C>,
  o: StatisticsCacheOptions<C>,
): Execute<C> {
  if (o.freshSeconds <= 0) return execute;
  const now = o.now ?? Date.now;
  const freshMs = o.freshSeconds * 1000;
  const staleMs = Math.max(o.staleSeconds, o.freshSeconds) * 1000;
  const maxEntries = o.maxEntries ?? 200;
  const maxBytes = o.maxBytes ?? 64 * 2 ** 20;
  const answers = new Map<string, Answer>();
  let bytes = 0;
  const forget = (key: string) => {
    bytes -= answers.get(key)?.bytes.length ?? 0;
    answers.delete(key);
  };
  const computing = new Map<string, Promise<HTTPGraphQLResponse>>();
  const isStatistics = memo(200, (query: string, operationName: string | undefined) => {
    try {
      return isStatisticsOnly(getOperationAST(parse(query), operationName));
    } catch {
      return false; // Apollo answers the syntax error itself
    }
  });

  const compute = (key: string, request: HTTPGraphQLRequest, context: C) => {
    let running = computing.get(key);
    if (!running) {
      running = (o.compute ?? execute)(request, context).then((r) => {
        const kept = keepable(r);
        if (kept) store(key, kept);
        else forget(key);
        return kept ? served(kept, undefined) : r;
      });
      running.finally(() => computing.delete(key)).catch(() => undefined);
      computing.set(key, running);
    }
    return running;
  };
  const store = (key: string, a: Omit<Answer, 'storedAt' | 'refreshing'>) => {
    forget(key); // re-inserted last: the Map's order is the order of storing
    answers.set(key, { ...a, storedAt: now(), refreshing: false });
    bytes += a.bytes.length;
    while (answers.size > maxEntries || (bytes > maxBytes && answers.size > 1)) forget(answers.keys().next().value!);
  };

  return async (request, context) => {
    const doc = documentOf(request, o.documentByHash);
    if (!doc || !isStatistics(doc.query, doc.operationName)) return execute(request, context);
    const key = JSON.stringify([statisticsScopeOf(context.principal), doc.query, doc.operationName, doc.variables]);
    const a = answers.get(key);
    const age = a ? now() - a.storedAt : Infinity;
    if (!a || age > staleMs) return compute(key, request, context);
    if (age > freshMs && !a.refreshing) {
      a.refreshing = true;
      compute(key, request, context).catch(() => forget(key));
    }
    return served(a, age);
  };
}

/** The operation a request asks for: its text (or the trusted document of its hash), name and variables. */
function documentOf(r: HTTPGraphQLRequest, byHash?: (h: string) => string | undefined) {
  if (r.method !== 'POST' || !r.body || typeof r.body !== 'object') return undefined;
  const b = r.body as { query?: unknown; operationName?: unknown; variables?: unknown; extensions?: any };
  const hash = b.extensions?.persistedQuery?.sha256Hash;
  const query = typeof b.query === 'string' ? b.query : typeof hash === 'string' ? byHash?.(hash) : undefined;
  if (!query) return undefined;
  const operationName = typeof b.operationName === 'string' ? b.operationName : undefined;
  return { query, operationName, variables: b.variables ?? null };
}

/**
 * A complete 200 answer with data and no error is kept; anything else is
 * passed on and forgotten. Read from the text, not parsed (a megabyte on the
 * main thread): `"errors":` can appear unescaped only as a key, and an answer
 * with an alias of that name is simply not kept.
 */
function keepable(r: HTTPGraphQLResponse): Omit<Answer, 'storedAt' | 'refreshing'> | undefined {
  if ((r.status ?? 200) !== 200 || r.body.kind !== 'complete') return undefined;
  const text = r.body.string;
  if (!text.startsWith('{"data":{') || text.includes('"errors":')) return undefined;
  return { bytes: Buffer.from(text, 'utf8'), headers: [...r.headers] };
}

/** The stored answer as a response: its bytes for the HTTP server, its text only if someone reads it. */
function served(a: Pick<Answer, 'bytes' | 'headers'>, ageMs: number | undefined): HttpAnswer {
  const headers = new HeaderMap(a.headers);
  if (ageMs !== undefined) headers.set('age', String(Math.floor(ageMs / 1000)));
  const body = {
    kind: 'complete' as const,
    get string() {
      return a.bytes.toString('utf8');
    },
  };
  return { status: 200, headers, body, bytes: a.bytes };
}

/** A bounded memo of a two-argument function (the first `max` distinct arguments; then it just computes). */
function memo<R>(max: number, f: (a: string, b: string | undefined) => R) {
  const seen = new Map<string, R>();
  return (a: string, b: string | undefined): R => {
    const k = `${b ?? ''}\n${a}`;
    if (seen.has(k)) return seen.get(k)!;
    const v = f(a, b);
    if (seen.size < max) seen.set(k, v);
    return v;
  };
}
