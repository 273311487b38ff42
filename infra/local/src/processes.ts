import { join } from 'node:path';
import { logFormatOf, type Logger } from '@sc/runtime';
import { kafkaEnvVars, type KafkaEnv, type ServiceConfig } from '@sc/subgraph-kit/config';
import { SERVICE_NAMES, type ServiceName } from './service-names';
import { Supervisor } from './supervisor';

const ROOT = join(__dirname, '..', '..', '..');
const ENTRIES: Record<ServiceName | 'gateway', string> = {
  'social-protection': 'services/social-protection/src/main.ts',
  employment: 'services/employment/src/main.ts',
  'social-service': 'services/social-service/src/main.ts',
  gateway: 'gateway/src/main.ts',
};
export const PROCESS_NAMES = [...SERVICE_NAMES, 'gateway'] as const;
/** The gateway stops taking requests before the services it calls go away. */
export const STOP_ORDER = ['gateway', ...SERVICE_NAMES];

const envPrefix = (n: ServiceName) => n.toUpperCase().replace(/-/g, '_');

/**
 * The four processes of `npm start` with a broker: each service and the
 * gateway from its own `main.ts`, configured only by environment variables —
 * the same ones a Kubernetes Deployment sets (infra/k8s), so the embedded
 * default runs the production entry points.
 */
export function startProcesses(o: {
  services: Record<ServiceName, ServiceConfig>;
  kafka: KafkaEnv;
  gatewayDatabaseUrl?: string;
  log: Logger;
  env: NodeJS.ProcessEnv;
  /** Where the children's lines go (the terminal by default; the benchmark discards them). */
  out?: NodeJS.WritableStream;
}): Supervisor {
  const tty = !!process.stdout.isTTY && !o.out;
  const common = { ...o.env, LOG_FORMAT: logFormatOf(o.env, tty), ...kafkaEnvVars(o.kafka) };
  const supervisor = new Supervisor({ log: o.log, colour: tty, out: o.out });
  for (const n of SERVICE_NAMES) {
    const c = o.services[n];
    supervisor.start({
      name: n,
      entry: join(ROOT, ENTRIES[n]),
      readyUrl: `http://127.0.0.1:${c.port}/ready`,
      env: {
        ...common,
        [`${envPrefix(n)}_PORT`]: String(c.port),
        [`${envPrefix(n)}_DATABASE_URL`]: c.databaseUrl,
        ...(c.gatewaySecret ? { GATEWAY_SECRET: c.gatewaySecret } : {}),
        ...(c.outbox.republishWindowMs ? { OUTBOX_REPUBLISH_WINDOW_MS: String(c.outbox.republishWindowMs) } : {}),
      },
    });
  }
  const secret = o.services['social-protection'].gatewaySecret;
  const port = o.env.GATEWAY_PORT ?? '4000';
  supervisor.start({
    name: 'gateway',
    entry: join(ROOT, ENTRIES.gateway),
    readyUrl: `http://127.0.0.1:${port}/ready`,
    env: {
      ...common,
      GATEWAY_PORT: port,
      ...Object.fromEntries(
        SERVICE_NAMES.map((n) => [`${envPrefix(n)}_URL`, `http://127.0.0.1:${o.services[n].port}/graphql`]),
      ),
      ...(secret ? { GATEWAY_SECRET: secret } : {}),
      // The embedded cluster keeps the rate-limit counters, as a shared database would for several replicas.
      ...(o.gatewayDatabaseUrl && !o.env.GATEWAY_DATABASE_URL ? { GATEWAY_DATABASE_URL: o.gatewayDatabaseUrl } : {}),
    },
  });
  return supervisor;
}
