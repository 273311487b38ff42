import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { subgraphFetchOf } from './subgraph-fetch';

/** A stand-in subgraph: echoes what it was sent and counts the connections it was sent over. */
let server: Server;
let base: string;
let connections = 0;
beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      res.statusCode = req.url === '/missing' ? 404 : 200;
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.setHeader('set-cookie', ['a=1', 'b=2']);
      res.end(JSON.stringify({ method: req.method, body, authorization: req.headers.authorization ?? null }));
    });
  });
  server.on('connection', () => connections++);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((r) => server.close(r)));

describe("the gateway's fetch to its subgraphs", () => {
  it('sends method, headers and body, and answers as Apollo Gateway reads a response', async () => {
    const fetch = subgraphFetchOf(true);
    const r = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
      body: '{"query":"{ __typename }"}',
    });
    const expected = { method: 'POST', body: '{"query":"{ __typename }"}', authorization: 'Bearer t' };
    expect([r.ok, r.status, r.statusText, r.url]).toEqual([true, 200, 'OK', `${base}/graphql`]);
    expect(r.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(r.headers.get('set-cookie')).toBe('a=1, b=2');
    // Read again through a clone, as Apollo does with an error answer, and as bytes, as the document proxy does.
    expect(await r.clone().json()).toEqual(expected);
    expect(JSON.parse(await r.text())).toEqual(expected);
    expect(Buffer.from(await r.arrayBuffer()).toString('utf8')).toBe(JSON.stringify(expected));
  });

  it('passes an error status on as it came, without throwing', async () => {
    const r = await subgraphFetchOf(true)(`${base}/missing`);
    expect([r.ok, r.status, r.statusText]).toEqual([false, 404, 'Not Found']);
  });

  it('reuses its connections for requests one after another, and none when keep-alive is off', async () => {
    const counted = async (keepAlive: boolean) => {
      const fetch = subgraphFetchOf(keepAlive);
      const before = connections;
      for (let i = 0; i < 20; i++) await (await fetch(`${base}/graphql`, { method: 'POST', body: '{}' })).json();
      return connections - before;
    };
    // One, or two when an answer's socket is not back in the pool yet as the next request goes out.
    expect(await counted(true)).toBeLessThanOrEqual(2);
    expect(await counted(false)).toBe(20);
  });

  it('rejects when the subgraph cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    await expect(subgraphFetchOf(true)(`http://127.0.0.1:${port}/graphql`)).rejects.toThrow(/ECONNREFUSED/);
  });
});
