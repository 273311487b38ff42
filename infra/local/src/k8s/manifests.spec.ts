import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { parseAllDocuments } from 'yaml';
import { gatewayConfigFromEnv } from '@sc/gateway';
import { serviceConfigFromEnv } from '@sc/subgraph-kit';
import { COMPONENTS, DEFAULT_VALUES } from './manifests';
import { RENDERED_PATH } from './paths';
import { renderYaml } from './yaml';

type Obj = { apiVersion: string; kind: string; metadata: { name: string }; [k: string]: any };
const VALIDATE = join(__dirname, 'validate.cli.mts');

/** The schema check runs as npm run k8s:validate does (kubernetes-models is ESM-only: a child process of its own). */
function validate(file: string): { status: number | null; result: { objects: number; errors: string[] } } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', VALIDATE, file], { encoding: 'utf8' });
  return { status: r.status, result: JSON.parse(r.stdout) };
}

const committed = readFileSync(RENDERED_PATH, 'utf8');
const objects = parseAllDocuments(committed).map((d) => d.toJS() as Obj);
const find = (kind: string, name: string) => objects.find((o) => o.kind === kind && o.metadata.name === name)!;

/** Everything a container's environment holds: its ConfigMaps and Secrets, then its own env. */
function containerEnv(c: any): Record<string, string> {
  const env: Record<string, string> = {};
  for (const from of c.envFrom) {
    const src = from.configMapRef ? find('ConfigMap', from.configMapRef.name) : find('Secret', from.secretRef.name);
    expect(src).toBeDefined();
    Object.assign(env, src.data ?? src.stringData);
  }
  for (const e of c.env) env[e.name] = e.value;
  return env;
}

describe('Kubernetes manifests (infra/k8s)', () => {
  it('are current (npm run k8s) and every object validates against the Kubernetes schemas', () => {
    expect(committed).toBe(renderYaml(DEFAULT_VALUES));
    expect(validate(RENDERED_PATH)).toEqual({ status: 0, result: { objects: objects.length, errors: [] } });
    expect(objects.map((o) => o.kind)).toEqual(
      expect.arrayContaining([
        'Deployment',
        'Service',
        'HorizontalPodAutoscaler',
        'PodDisruptionBudget',
        'NetworkPolicy',
        'Secret',
      ]),
    );
  });

  it('refuses what the schemas refuse (the validation is real)', () => {
    const broken = structuredClone(find('Deployment', 'gateway'));
    broken.spec.replicas = 'two';
    const file = join(mkdtempSync(join(tmpdir(), 'sc-k8s-')), 'broken.yaml');
    writeFileSync(
      file,
      `---\n${stringify(broken)}---\n${stringify({ apiVersion: 'v1', kind: 'Nonsense', metadata: { name: 'x' } })}`,
    );
    const r = validate(file);
    expect(r.status).toBe(1);
    expect(r.result.errors).toHaveLength(2);
    expect(r.result.errors[0]).toMatch(/^Deployment\/gateway: .*replicas/);
  });

  it.each(COMPONENTS.map((c) => [c.name, c] as const))(
    '%s: probes, resources, non-root, autoscaler and budget',
    (name, c) => {
      const d = find('Deployment', name);
      const pod = d.spec.template.spec;
      const app = pod.containers[0];
      expect(app.readinessProbe.httpGet).toEqual({ path: '/ready', port: c.port });
      expect(app.livenessProbe.httpGet).toEqual({ path: '/health', port: c.port });
      expect(app.resources.requests.cpu).toBeDefined();
      expect(app.resources.limits.memory).toBeDefined();
      expect(app.securityContext).toMatchObject({ runAsNonRoot: true, readOnlyRootFilesystem: true });
      const podLabels = d.spec.template.metadata.labels;
      const matches = (sel: Record<string, string>) => Object.entries(sel).every(([k, v]) => podLabels[k] === v);
      expect(matches(d.spec.selector.matchLabels)).toBe(true);
      expect(matches(find('Service', name).spec.selector)).toBe(true);
      expect(matches(find('PodDisruptionBudget', name).spec.selector.matchLabels)).toBe(true);
      expect(find('HorizontalPodAutoscaler', name).spec.scaleTargetRef).toEqual({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        name,
      });
      if (c.database) expect(pod.initContainers[0].args).toEqual([c.entry, '--migrate-only']);
    },
  );

  it('give each process the configuration it needs in production (read by its own config loader)', () => {
    for (const c of COMPONENTS) {
      const env = containerEnv(find('Deployment', c.name).spec.template.spec.containers[0]);
      expect(env.NODE_ENV).toBe('production');
      if (c.database) {
        const cfg = serviceConfigFromEnv(c.name, 0, env);
        expect({ port: cfg.port, production: cfg.production, host: cfg.host }).toEqual({
          port: c.port,
          production: true,
          host: '0.0.0.0',
        });
        expect(cfg.databaseUrl).toMatch(/^postgres:\/\//);
      } else {
        const cfg = gatewayConfigFromEnv(env);
        expect(cfg.port).toBe(c.port);
        expect(cfg.explorer).toBe(false);
        expect(cfg.subgraphUrls['social-service']).toBe(
          `http://social-service.${DEFAULT_VALUES.namespace}.svc:4003/graphql`,
        );
        expect(cfg.rateLimit.databaseUrl).toMatch(/^postgres:\/\//);
      }
    }
  });

  it('let only the gateway (and the monitoring namespace) reach a subgraph', () => {
    for (const c of COMPONENTS.filter((x) => x.database)) {
      const [rule] = find('NetworkPolicy', c.name).spec.ingress;
      expect(rule.from).toEqual([
        {
          podSelector: {
            matchLabels: { 'app.kubernetes.io/name': 'gateway', 'app.kubernetes.io/part-of': 'social-contract' },
          },
        },
        { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': DEFAULT_VALUES.monitoringNamespace } } },
      ]);
      expect(rule.ports).toEqual([{ protocol: 'TCP', port: c.port }]);
    }
  });
});
