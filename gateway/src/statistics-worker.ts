/**
 * The gateway's statistics worker (a worker thread): an Apollo Gateway of its
 * own, built exactly as the main thread's (gateway-apollo.ts), that answers
 * the statistics queries the cache sends it. Merging a ministry dashboard
 * (~20,000 objects from three subgraphs) holds a JavaScript thread for
 * hundreds of milliseconds; here it holds this one, so the main thread keeps
 * answering case workers and cached dashboards meanwhile.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { HeaderMap } from '@apollo/server';
import { createLogger } from '@sc/runtime';
import { buildGatewayApollo } from './gateway-apollo';
import { subgraphFetchOf } from './subgraph-fetch';
import type { WorkerInit, WorkerReply, WorkerRequest } from './statistics-worker-client';

async function main(): Promise<void> {
  const init = workerData as WorkerInit;
  const apollo = await buildGatewayApollo({
    supergraphSdl: init.supergraphSdl,
    subgraphUrls: init.subgraphUrls,
    gatewaySecret: init.gatewaySecret,
    trustedDocuments: init.trustedDocuments,
    logger: createLogger('gateway-statistics', init.logLevel),
    subgraphFetch: subgraphFetchOf(true),
  });
  parentPort!.on('message', (m: WorkerRequest) => {
    void apollo
      .executeHTTPGraphQLRequest({
        httpGraphQLRequest: { ...m.request, headers: new HeaderMap(m.request.headers) },
        context: async () => m.context,
      })
      .then(async (r): Promise<WorkerReply> => {
        let body = '';
        if (r.body.kind === 'complete') body = r.body.string;
        else for await (const chunk of r.body.asyncIterator) body += chunk;
        return { id: m.id, status: r.status ?? 200, headers: [...r.headers], body };
      })
      .catch((e: unknown): WorkerReply => ({ id: m.id, error: e instanceof Error ? e.message : String(e) }))
      .then((reply) => parentPort!.postMessage(reply));
  });
  parentPort!.postMessage({ ready: true });
}

void main().catch((e: unknown) => {
  parentPort!.postMessage({ failed: e instanceof Error ? e.message : String(e) });
});
