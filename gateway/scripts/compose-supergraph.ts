/** npm run compose: writes gateway/supergraph.graphql (committed; checked by a test). */
import { writeFileSync } from 'node:fs';
import { composeSupergraph, SUPERGRAPH_PATH } from '../src/supergraph';

try {
  writeFileSync(SUPERGRAPH_PATH, composeSupergraph());
  console.log(`wrote ${SUPERGRAPH_PATH}`);
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
