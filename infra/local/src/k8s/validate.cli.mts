/**
 * npm run k8s:validate [file] — checks rendered manifests (by default
 * infra/k8s/social-contract.yaml) against the Kubernetes schemas; prints
 * `{ objects, errors }` and exits 1 on any error. Run by the spec and by a
 * region after rendering its own values.
 */
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { RENDERED_PATH } from './paths.js';
import { validateManifests } from './validate.mjs';

const file = process.argv[2] ?? RENDERED_PATH;
const objects = parseAllDocuments(readFileSync(file, 'utf8')).map((d) => d.toJS());
const errors = validateManifests(objects);
process.stdout.write(`${JSON.stringify({ objects: objects.length, errors })}\n`);
process.exit(errors.length ? 1 : 0);
