/**
 * npm run k8s — renders the Kubernetes manifests (infra/k8s/social-contract.yaml)
 * from the defaults, or from a region's values: `npm run k8s -- values.json`
 * (any subset of K8sValues) prints them to standard output instead.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { DEFAULT_VALUES, type K8sValues } from './manifests';
import { RENDERED_PATH } from './paths';
import { renderYaml } from './yaml';

const valuesFile = process.argv[2];
if (valuesFile) {
  const values = { ...DEFAULT_VALUES, ...(JSON.parse(readFileSync(valuesFile, 'utf8')) as Partial<K8sValues>) };
  process.stdout.write(renderYaml(values));
} else {
  writeFileSync(RENDERED_PATH, renderYaml(DEFAULT_VALUES));
  process.stdout.write(`wrote ${RENDERED_PATH}\n`);
}
