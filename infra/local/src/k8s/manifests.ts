/**
 * Kubernetes manifests for one region, rendered from values (`npm run k8s`):
 * the three subgraphs and the gateway as Deployments of one image, each with
 * probes, resources, an autoscaler and a disruption budget; a NetworkPolicy
 * that lets only the gateway reach the subgraphs; the secrets they read;
 * the migrations as an init container (`main.ts --migrate-only`, serialised
 * by an advisory lock). PostgreSQL and Kafka are the region's own clusters.
 */
type Obj = Record<string, unknown>;

export interface K8sValues {
  namespace: string;
  image: string;
  /** ОКТМО prefix of the region (REGION_CODE). */
  region: string;
  kafkaBrokers: string;
  /** Where traces go (OTLP/HTTP); empty = tracing off. */
  otlpEndpoint: string;
  /** Namespace whose pods (Prometheus) may scrape /metrics. */
  monitoringNamespace: string;
  replicas: { min: number; max: number };
}

export const DEFAULT_VALUES: K8sValues = {
  namespace: 'social-contract',
  image: 'registry.example.ru/social-contract:1.0.0',
  region: '25',
  kafkaBrokers: 'kafka-0.kafka:9092,kafka-1.kafka:9092,kafka-2.kafka:9092',
  otlpEndpoint: 'http://otel-collector.observability:4318',
  monitoringNamespace: 'monitoring',
  replicas: { min: 2, max: 6 },
};

interface Component {
  name: string;
  port: number;
  entry: string;
  /** The subgraph's database URL lives in its own Secret (each agency owns its database). */
  database: boolean;
  resources: { cpu: string; memory: string; cpuLimit: string; memoryLimit: string };
}

export const COMPONENTS: Component[] = [
  subgraph('social-protection', 4001),
  subgraph('employment', 4002),
  subgraph('social-service', 4003),
  {
    name: 'gateway',
    port: 4000,
    entry: 'gateway/src/main.ts',
    database: false,
    resources: { cpu: '500m', memory: '384Mi', cpuLimit: '2', memoryLimit: '768Mi' },
  },
];

function subgraph(name: string, port: number): Component {
  const resources = { cpu: '250m', memory: '384Mi', cpuLimit: '1', memoryLimit: '768Mi' };
  return { name, port, entry: `services/${name}/src/main.ts`, database: true, resources };
}

const PART_OF = 'social-contract';
const labels = (c: Component) => ({ 'app.kubernetes.io/name': c.name, 'app.kubernetes.io/part-of': PART_OF });
const meta = (v: K8sValues, name: string, extra: Obj = {}) => ({
  name,
  namespace: v.namespace,
  labels: { 'app.kubernetes.io/part-of': PART_OF },
  ...extra,
});
const envPrefix = (name: string) => name.toUpperCase().replace(/-/g, '_');

export function renderManifests(v: K8sValues = DEFAULT_VALUES): Obj[] {
  return [
    {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: v.namespace, labels: { 'app.kubernetes.io/part-of': PART_OF } },
    },
    configMap(v),
    sharedSecret(v),
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: meta(v, 'gateway-db'),
      type: 'Opaque',
      stringData: { GATEWAY_DATABASE_URL: 'postgres://gateway:CHANGE-ME@postgres.db:5432/gateway' },
    },
    ...COMPONENTS.filter((c) => c.database).map((c) => databaseSecret(v, c)),
    ...COMPONENTS.flatMap((c) => [
      deployment(v, c),
      service(v, c),
      autoscaler(v, c),
      disruptionBudget(v, c),
      networkPolicy(v, c),
    ]),
  ];
}

function configMap(v: K8sValues): Obj {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: meta(v, 'social-contract-config'),
    data: {
      NODE_ENV: 'production',
      REGION_CODE: v.region,
      KAFKA_BROKERS: v.kafkaBrokers,
      HOST: '0.0.0.0',
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
      ...(v.otlpEndpoint ? { OTEL_EXPORTER_OTLP_ENDPOINT: v.otlpEndpoint } : {}),
      ...Object.fromEntries(
        COMPONENTS.filter((c) => c.database).map((c) => [
          `${envPrefix(c.name)}_URL`,
          `http://${c.name}.${v.namespace}.svc:${c.port}/graphql`,
        ]),
      ),
    },
  };
}

/** Values are placeholders: a region creates these Secrets from its vault (README "Kubernetes"). */
function sharedSecret(v: K8sValues): Obj {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: meta(v, 'social-contract-secrets'),
    type: 'Opaque',
    stringData: {
      JWT_JWKS_URL: 'https://idp.example.ru/.well-known/jwks.json',
      CITIZEN_ID_SECRET: 'CHANGE-ME-the-same-in-all-three-agencies-32+chars',
      GATEWAY_SECRET: 'CHANGE-ME-shared-by-gateway-and-subgraphs-32+chars',
    },
  };
}

function databaseSecret(v: K8sValues, c: Component): Obj {
  const db = c.name.replace(/-/g, '_');
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: meta(v, `${c.name}-db`),
    type: 'Opaque',
    stringData: { DATABASE_URL: `postgres://${db}:CHANGE-ME@postgres.db:5432/${db}` },
  };
}

function deployment(v: K8sValues, c: Component): Obj {
  const envFrom = [
    { configMapRef: { name: 'social-contract-config' } },
    { secretRef: { name: 'social-contract-secrets' } },
    { secretRef: { name: c.database ? `${c.name}-db` : 'gateway-db' } },
  ];
  const env = [
    { name: c.database ? `${envPrefix(c.name)}_PORT` : 'GATEWAY_PORT', value: String(c.port) },
    { name: 'OTEL_SERVICE_NAME', value: c.name },
  ];
  const security = {
    runAsNonRoot: true,
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
    capabilities: { drop: ['ALL'] },
  };
  // tsx compiles into the temp folder: the only writable place.
  const tmp = [{ name: 'tmp', mountPath: '/tmp' }];
  const container = (name: string, args: string[], extra: Obj = {}) => ({
    name,
    image: v.image,
    args,
    envFrom,
    env,
    securityContext: security,
    volumeMounts: tmp,
    ...extra,
  });
  const probe = (path: string, period: number) => ({
    httpGet: { path, port: c.port },
    periodSeconds: period,
    timeoutSeconds: 3,
    failureThreshold: 3,
  });
  const app = container(c.name, [c.entry], {
    ports: [{ name: 'http', containerPort: c.port }],
    readinessProbe: probe('/ready', 5),
    livenessProbe: probe('/health', 10),
    startupProbe: { ...probe('/health', 2), failureThreshold: 60 },
    resources: {
      requests: { cpu: c.resources.cpu, memory: c.resources.memory },
      limits: { cpu: c.resources.cpuLimit, memory: c.resources.memoryLimit },
    },
  });
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta(v, c.name),
    spec: {
      replicas: v.replicas.min,
      selector: { matchLabels: labels(c) },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
      template: {
        metadata: {
          labels: labels(c),
          annotations: {
            'prometheus.io/scrape': 'true',
            'prometheus.io/port': String(c.port),
            'prometheus.io/path': '/metrics',
          },
        },
        spec: {
          securityContext: { runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000 },
          // SIGTERM stops HTTP first, then the consumer, the relay and the pool (onShutdown).
          terminationGracePeriodSeconds: 30,
          ...(c.database
            ? {
                initContainers: [
                  container('migrate', [c.entry, '--migrate-only'], {
                    resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { cpu: '1', memory: '512Mi' } },
                  }),
                ],
              }
            : {}),
          containers: [app],
          volumes: [{ name: 'tmp', emptyDir: {} }],
        },
      },
    },
  };
}

function service(v: K8sValues, c: Component): Obj {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta(v, c.name),
    spec: { selector: labels(c), ports: [{ name: 'http', port: c.port, targetPort: 'http' }] },
  };
}

/**
 * CPU-driven. A subgraph's consumers are bounded by partitions (12 per topic
 * by default): replicas past that serve GraphQL but idle on Kafka.
 */
function autoscaler(v: K8sValues, c: Component): Obj {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: meta(v, c.name),
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: c.name },
      minReplicas: v.replicas.min,
      maxReplicas: v.replicas.max,
      metrics: [
        { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } },
      ],
    },
  };
}

function disruptionBudget(v: K8sValues, c: Component): Obj {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: meta(v, c.name),
    spec: { minAvailable: 1, selector: { matchLabels: labels(c) } },
  };
}

/**
 * Subgraphs take requests only from the gateway's pods (and scrapes from the
 * monitoring namespace; they also check the gateway's signed assertion).
 * The gateway takes requests from anywhere (the region's ingress).
 */
function networkPolicy(v: K8sValues, c: Component): Obj {
  const gateway = COMPONENTS.find((x) => x.name === 'gateway')!;
  const monitoring = { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': v.monitoringNamespace } } };
  const from = c.database ? [{ podSelector: { matchLabels: labels(gateway) } }, monitoring] : [];
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: meta(v, c.name),
    spec: {
      podSelector: { matchLabels: labels(c) },
      policyTypes: ['Ingress'],
      ingress: [{ ...(from.length ? { from } : {}), ports: [{ protocol: 'TCP', port: c.port }] }],
    },
  };
}
