import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';

export const ROOT = join(__dirname, '..', '..');
export { SUPERGRAPH_PATH } from './supergraph-path';

/** The subgraphs and the URLs written into the committed supergraph (overridable at start). */
export const SUBGRAPHS = [
  { name: 'social-protection', dir: 'services/social-protection', url: 'http://localhost:4001/graphql' },
  { name: 'employment', dir: 'services/employment', url: 'http://localhost:4002/graphql' },
  { name: 'social-service', dir: 'services/social-service', url: 'http://localhost:4003/graphql' },
] as const;
export type SubgraphName = (typeof SUBGRAPHS)[number]['name'];

/** A subgraph's SDL exactly as it serves it: the shared types plus its own files. */
export function subgraphSdl(dir: string): string {
  const schemaDir = join(ROOT, dir, 'src', 'schema');
  const own = readdirSync(schemaDir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => readFileSync(join(schemaDir, f), 'utf8'));
  return [readFileSync(join(ROOT, 'packages', 'subgraph-kit', 'graphql', 'common.graphql'), 'utf8'), ...own].join('\n');
}

/** Composes the supergraph; throws with every composition error listed. */
export function composeSupergraph(): string {
  const result = composeServices(
    SUBGRAPHS.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(subgraphSdl(s.dir)) })),
  );
  if (result.errors?.length)
    throw new Error(`supergraph composition failed:\n${result.errors.map((e) => `  - ${e.message}`).join('\n')}`);
  return `# Composed by \`npm run compose\` from the subgraph SDLs. Do not edit; a test fails when it is stale.\n${result.supergraphSdl}\n`;
}
