import { readFileSync } from 'node:fs';
import { HeaderMap, type HTTPGraphQLRequest } from '@apollo/server';
import { createLogger } from '@sc/runtime';
import { SUPERGRAPH_PATH } from '../src/supergraph';
import { statisticsWorker } from '../src/statistics-worker-client';
import type { GatewayContext } from '../src/gateway-apollo';

/**
 * The statistics worker (issue 11): a worker thread with a gateway of its own
 * answers what the cache sends it, so a dashboard's merge never holds the
 * main thread. The fallback (the main thread's Apollo) must not be used when
 * the worker starts.
 */
describe('the gateway statistics worker', () => {
  const context = {
    principal: { subject: 'w', agency: 'MINISTRY', roles: ['ANALYST'], territory: '25' },
    authorization: 'Bearer x',
    requestId: 'r1',
  } as unknown as GatewayContext;
  const request = (query: string): HTTPGraphQLRequest => ({
    method: 'POST',
    headers: new HeaderMap([['content-type', 'application/json']]),
    search: '',
    body: { query },
  });

  it('answers in its own thread with the same gateway, limits included', async () => {
    const w = statisticsWorker(
      {
        supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
        subgraphUrls: {},
        logLevel: 'silent',
      },
      createLogger('test', 'silent'),
      async () => {
        throw new Error('the fallback was used: the worker did not start');
      },
    );
    try {
      const ok = await w.execute(request('{ __typename }'), context);
      expect(ok.status ?? 200).toBe(200);
      expect(JSON.parse((ok.body as { string: string }).string)).toEqual({ data: { __typename: 'Query' } });
      // The project's query limits hold in the worker too: a document far past the cost limit is refused.
      const deep = `{ __typename ${'a { '.repeat(40)}b${' }'.repeat(40)} }`;
      const refused = await w.execute(request(deep), context);
      const error = JSON.parse((refused.body as { string: string }).string).errors?.[0];
      expect(error.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(error.message).toMatch(/limit of \d+ exceeded/);
    } finally {
      await w.stop();
    }
  });

  it('falls back to the main thread when the worker cannot start, and does not try it again', async () => {
    const errors: string[] = [];
    const logger = { ...createLogger('test', 'silent'), error: (_o: unknown, msg: string) => errors.push(msg) };
    const answered = { status: 200, headers: new HeaderMap(), body: { kind: 'complete' as const, string: '{}' } };
    let fallbacks = 0;
    const w = statisticsWorker(
      { supergraphSdl: 'not a supergraph', subgraphUrls: {}, logLevel: 'silent' },
      logger as never,
      async () => {
        fallbacks++;
        return answered;
      },
    );
    try {
      expect(await w.execute(request('{ __typename }'), context)).toBe(answered);
      expect(await w.execute(request('{ __typename }'), context)).toBe(answered);
      expect(fallbacks).toBe(2);
      expect(errors.filter((m) => m.includes('failed to start'))).toHaveLength(1);
    } finally {
      await w.stop();
    }
  });
});
