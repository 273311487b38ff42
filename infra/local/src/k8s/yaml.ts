import { stringify } from 'yaml';
import { renderManifests, type K8sValues } from './manifests';

/** One multi-document YAML file, as `kubectl apply -f` takes it. */
export function renderYaml(v: K8sValues): string {
  const header =
    '# Rendered by `npm run k8s` from infra/local/src/k8s/manifests.ts. Do not edit; a test fails when it is stale.\n';
  return (
    header +
    renderManifests(v)
      .map((o) => `---\n${stringify(o, { lineWidth: 0 })}`)
      .join('')
  );
}
