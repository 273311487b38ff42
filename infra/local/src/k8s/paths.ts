import { join } from 'node:path';

/** The rendered manifests a region applies (committed; the spec keeps them current). */
export const RENDERED_PATH = join(__dirname, '..', '..', '..', 'k8s', 'social-contract.yaml');
