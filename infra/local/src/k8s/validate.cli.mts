/**
 * npm run k8s:validate [file] — checks rendered manifests (by default
 * infra/k8s/social-contract.yaml) against the Kubernetes schemas; prints
 * `{ objects, errors }` and exits 1 on any error. Run by the spec and by a
 * region after rendering its own values.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { Namespace, ConfigMap, Secret, Service } from 'kubernetes-models/v1';
import { Deployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';

type Obj = { apiVersion?: string; kind?: string; metadata?: { name?: string } };

// kubernetes-models: classes generated from the Kubernetes OpenAPI schemas, each validating with ajv.
// (Their base class's types resolve only through package exports, which this tsconfig's resolution does not read.)
const MODELS: Record<string, new (o: never) => unknown> = {
  'v1/Namespace': Namespace,
  'v1/ConfigMap': ConfigMap,
  'v1/Secret': Secret,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
};

/** Every object checked against its Kubernetes schema; one line per problem (none = valid). */
export function validateManifests(objects: Obj[]): string[] {
  const errors: string[] = [];
  for (const o of objects) {
    const id = `${o.kind}/${o.metadata?.name}`;
    const Model = MODELS[`${o.apiVersion}/${o.kind}`];
    if (!Model) {
      errors.push(`${id}: no schema for ${o.apiVersion} ${o.kind}`);
      continue;
    }
    try {
      (new Model(o as never) as { validate(): void }).validate();
    } catch (e) {
      errors.push(`${id}: ${(e as Error).message}`);
    }
  }
  return errors;
}

// infra/k8s/social-contract.yaml (paths.ts for the CommonJS side; no relative import from ESM here).
const RENDERED_PATH = join(dirname(process.argv[1]!), '..', '..', '..', 'k8s', 'social-contract.yaml');
const file = process.argv[2] ?? RENDERED_PATH;
const objects = parseAllDocuments(readFileSync(file, 'utf8')).map((d) => d.toJS());
const errors = validateManifests(objects);
process.stdout.write(`${JSON.stringify({ objects: objects.length, errors })}\n`);
process.exit(errors.length ? 1 : 0);
