import type { ServerResponse } from 'node:http';
import { DOCUMENT_KINDS, documentPath, type DocumentKind } from '@sc/documents';
import { GATEWAY_ASSERTION_HEADER } from '@sc/auth';
import { PURPOSE_HEADER, sendJson } from '@sc/subgraph-kit';
import type { SubgraphFetch } from './subgraph-fetch';

/** What the proxy forwards of the gateway's request context. */
interface Caller {
  authorization: string;
  requestId: string;
  purpose?: string;
}

/**
 * `GET /documents/<kind>.pdf?id=` at the gateway: passed to the agency that
 * holds the data with the caller's token (and the gateway's assertion), so the
 * subgraph authorises, guards the territory and audits exactly as for its
 * GraphQL reads; the PDF (or the coded error) comes back as it is.
 */
export function documentProxyRoutes(
  subgraphUrls: Record<string, string | undefined>,
  /** The gateway's own subgraph fetch (subgraph-fetch.ts): keep-alive connections per subgraph. */
  fetcher: SubgraphFetch,
  assert?: (subgraph: string, authorization: string) => Promise<string>,
): Record<string, (res: ServerResponse, url: URL, ctx: Caller) => Promise<void>> {
  return Object.fromEntries(
    (Object.keys(DOCUMENT_KINDS) as DocumentKind[]).map((kind) => [
      documentPath(kind),
      async (res: ServerResponse, url: URL, ctx: Caller) => {
        const subgraph = DOCUMENT_KINDS[kind].subgraph;
        const base = subgraphUrls[subgraph];
        if (!base)
          return sendJson(res, 502, {
            errors: [{ message: `${subgraph} is not configured`, extensions: { code: 'BAD_GATEWAY' } }],
          });
        const headers: Record<string, string> = { authorization: ctx.authorization, 'x-request-id': ctx.requestId };
        if (ctx.purpose) headers[PURPOSE_HEADER] = ctx.purpose;
        if (assert) headers[GATEWAY_ASSERTION_HEADER] = await assert(subgraph, ctx.authorization);
        const answer = await fetcher(new URL(`${url.pathname}${url.search}`, base).toString(), { headers });
        res.statusCode = answer.status;
        for (const h of ['content-type', 'content-disposition', 'cache-control', 'x-request-id']) {
          const v = answer.headers.get(h);
          if (v) res.setHeader(h, v);
        }
        res.end(Buffer.from(await answer.arrayBuffer()));
      },
    ]),
  );
}
