import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { HeaderMap, type HTTPGraphQLRequest, type HTTPGraphQLResponse } from '@apollo/server';
import type { Logger } from '@sc/runtime';
import type { GatewayContext } from './gateway-apollo';

/** What the worker builds its gateway from (structured-clone safe: no functions). */
export interface WorkerInit {
  supergraphSdl: string;
  subgraphUrls: Partial<Record<string, string>>;
  gatewaySecret?: string;
  trustedDocuments?: Map<string, string>;
  logLevel: string;
}

export interface WorkerRequest {
  id: number;
  request: Omit<HTTPGraphQLRequest, 'headers'> & { headers: [string, string][] };
  context: GatewayContext;
}

export type WorkerReply =
  { id: number; status: number; headers: [string, string][]; body: string } | { id: number; error: string };

type Pending = { resolve: (r: HTTPGraphQLResponse) => void; reject: (e: Error) => void };

/**
 * The main thread's side of the statistics worker (statistics-worker.ts):
 * `execute` sends a statistics request to the worker and resolves with its
 * answer. The worker starts on first use; if it cannot start or dies, the
 * requests in flight fail (the cache does not keep them), the next one starts
 * a new worker, and after a failed start the caller's `fallback` (the main
 * thread's Apollo) answers instead — slower, never wrong.
 */
export function statisticsWorker(
  init: WorkerInit,
  logger: Logger,
  fallback: (request: HTTPGraphQLRequest, context: GatewayContext) => Promise<HTTPGraphQLResponse>,
) {
  let worker: Promise<Worker | undefined> | undefined;
  let stopped = false;
  let next = 0;
  const pending = new Map<number, Pending>();

  const failAll = (why: string) => {
    for (const p of pending.values()) p.reject(new Error(`statistics worker: ${why}`));
    pending.clear();
  };
  const start = (): Promise<Worker | undefined> =>
    new Promise((resolve) => {
      let ready = false;
      const w = new Worker(join(__dirname, 'statistics-worker.ts'), {
        workerData: init,
        // The worker is TypeScript like the rest: the same loader as the main process, whatever started it.
        execArgv: [...process.execArgv.filter((a) => a !== '--import' && a !== 'tsx'), '--import', 'tsx'],
      });
      w.on('message', (m: WorkerReply | { ready: true } | { failed: string }) => {
        if ('ready' in m) {
          ready = true;
          return resolve(w);
        }
        if ('failed' in m) {
          logger.error({ reason: m.failed }, 'statistics worker failed to start: statistics run on the main thread');
          void w.terminate();
          return resolve(undefined);
        }
        const p = pending.get(m.id);
        pending.delete(m.id);
        if (!p) return;
        if ('error' in m) return p.reject(new Error(m.error));
        p.resolve({ status: m.status, headers: new HeaderMap(m.headers), body: { kind: 'complete', string: m.body } });
      });
      w.on('error', (e) => logger.error({ err: e }, 'statistics worker error'));
      w.on('exit', (code) => {
        failAll(`exited with code ${code}`);
        resolve(undefined);
        // A worker that ran is started anew by the next request; one that never got ready is not tried again.
        if (ready && !stopped) worker = undefined;
      });
    });

  return {
    async execute(request: HTTPGraphQLRequest, context: GatewayContext): Promise<HTTPGraphQLResponse> {
      if (stopped) return fallback(request, context);
      worker ??= start();
      const w = await worker;
      if (!w) return fallback(request, context);
      const id = ++next;
      return new Promise<HTTPGraphQLResponse>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        const message: WorkerRequest = { id, request: { ...request, headers: [...request.headers] }, context };
        w.postMessage(message);
      });
    },
    async stop(): Promise<void> {
      stopped = true;
      await (await worker)?.terminate();
    },
  };
}
