import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { parse, validate } from 'graphql';
import { gatewayConfigFromEnv } from './config';
import { EXPLORER_EXAMPLES, explorerPage } from './explorer';
import { ROOT, SUPERGRAPH_PATH } from './supergraph';

const normalise = (q: string) => q.replace(/\s+/g, ' ').trim();

describe('the explorer (GraphiQL at the gateway)', () => {
  it('preloads only documents that are valid against the committed supergraph', () => {
    const api = Supergraph.build(readFileSync(SUPERGRAPH_PATH, 'utf8')).apiSchema().toGraphQLJSSchema();
    for (const e of EXPLORER_EXAMPLES)
      expect({ tab: e.title, errors: validate(api, parse(e.query)) }).toEqual({ tab: e.title, errors: [] });
  });

  it('has every GraphQL example of the README among its tabs', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => normalise(m[1]!));
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    const tabs = EXPLORER_EXAMPLES.map((e) => normalise(e.query));
    for (const b of blocks) expect(tabs).toContain(b);
  });

  it('is one page with its scripts inline: nothing is fetched from another host', () => {
    const html = explorerPage();
    expect(html).toContain('<title>Социальный контракт');
    expect(html.length).toBeGreaterThan(1_000_000);
    expect(html).not.toMatch(/<script[^>]+src="https?:/);
    expect(html).not.toMatch(/<link[^>]+href="https?:/);
  });

  it('preloads headers a browser can send (ISO-8859-1 only: fetch refuses a Cyrillic header value)', () => {
    const html = explorerPage();
    const headers = /Bearer PASTE-A-TOKEN-HERE[^"\\]*/.exec(html)?.[0];
    expect(headers).toBeDefined();
    expect(/^[\x20-\x7e]*$/.test(headers!)).toBe(true);
    expect(EXPLORER_EXAMPLES.every((e) => /^(query|mutation) [A-Z]\w+/.test(e.query))).toBe(true);
  });
});

describe('the explorer is never served in production', () => {
  const production = { NODE_ENV: 'production', GATEWAY_SECRET: 'x'.repeat(32), JWT_SECRET: 'y'.repeat(32) };

  it('is on by default outside production, off in production, and asking for it there is refused at start', () => {
    expect(gatewayConfigFromEnv({}).explorer).toBe(true);
    expect(gatewayConfigFromEnv({ GATEWAY_EXPLORER: 'false' }).explorer).toBe(false);
    expect(gatewayConfigFromEnv(production).explorer).toBe(false);
    expect(() => gatewayConfigFromEnv({ ...production, GATEWAY_EXPLORER: 'true' })).toThrow(
      /GATEWAY_EXPLORER: the explorer is never served when NODE_ENV=production/,
    );
  });
});
