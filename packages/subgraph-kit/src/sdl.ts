import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type DocumentNode } from 'graphql';

export const COMMON_SDL_PATH = join(__dirname, '..', 'graphql', 'common.graphql');

/** A service's SDL files plus the shared types, as one document. */
export function loadSubgraphSdl(files: string[]): DocumentNode {
  return parse([COMMON_SDL_PATH, ...files].map((f) => readFileSync(f, 'utf8')).join('\n'));
}
