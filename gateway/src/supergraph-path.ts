import { join } from 'node:path';

/** The committed supergraph (a module of its own: reading the configuration must not load composition). */
export const SUPERGRAPH_PATH = join(__dirname, '..', 'supergraph.graphql');
