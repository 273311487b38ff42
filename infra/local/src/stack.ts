import type { AuthConfig } from '@sc/auth';
import { type Clock } from '@sc/kernel';
import { createLogger, type Logger } from '@sc/runtime';
import { InProcessBus, type MessageBus } from '@sc/messaging';
import {
  createBus,
  type KafkaEnv,
  type ServiceConfig,
  type ServiceDependencies,
  type SubgraphService,
  type RateLimitOptions,
} from '@sc/subgraph-kit';
import { createEmploymentServer } from '@sc/employment';
import { createSocialProtectionServer } from '@sc/social-protection';
import { createSocialServiceServer } from '@sc/social-service';
import { createGatewayServer, type GatewayServer } from '@sc/gateway';
import { SERVICE_NAMES, type ServiceName } from './service-names';

export { SERVICE_NAMES, type ServiceName };

const factories = {
  'social-protection': createSocialProtectionServer,
  employment: createEmploymentServer,
  'social-service': createSocialServiceServer,
};

export interface StackOptions {
  services: Record<ServiceName, ServiceConfig>;
  /** null = one in-process bus shared by the three services. */
  kafka: KafkaEnv | null;
  gateway: {
    port: number;
    supergraphSdl: string;
    auth: AuthConfig;
    keepAlive?: boolean;
    secret?: string;
    rateLimit?: RateLimitOptions;
    requestTimeoutMs?: number;
    explorer?: boolean;
    /** Statistics-only answers kept at the gateway this many seconds per caller scope (off when absent). */
    statisticsCacheSeconds?: number;
    /** …and served once more, up to this age, while the next is computed. */
    statisticsStaleSeconds?: number;
  };
  logLevel: string;
  /** One time source for every service (end-to-end tests walk a contract through its months). */
  clock?: Clock;
  onConsumed?: Partial<Record<ServiceName, ServiceDependencies['onConsumed']>>;
}

export interface Stack {
  services: Record<ServiceName, SubgraphService>;
  buses: Record<ServiceName, MessageBus>;
  gateway: GatewayServer;
  gatewayUrl: string;
  stop(): Promise<void>;
}

/**
 * The whole system in one process: three subgraphs (each with its own
 * database, outbox relay and consumer) and the gateway. Used by `npm start`,
 * the end-to-end tests and the benchmark. With Kafka each service has its
 * own client, as separate deployments would.
 */
export async function startStack(o: StackOptions, log: Logger = createLogger('stack', o.logLevel)): Promise<Stack> {
  const shared = o.kafka ? null : new InProcessBus(log);
  const buses = {} as Record<ServiceName, MessageBus>;
  const services = {} as Record<ServiceName, SubgraphService>;
  for (const name of SERVICE_NAMES) {
    const cfg = o.services[name];
    const logger = createLogger(name, o.logLevel);
    buses[name] = shared ?? createBus(o.kafka, name, cfg.topicPrefix, logger);
    services[name] = await factories[name](cfg, {
      bus: buses[name],
      logger,
      clock: o.clock,
      onConsumed: o.onConsumed?.[name],
    });
    await services[name].start(cfg.port);
  }
  const gateway = await createGatewayServer({
    supergraphSdl: o.gateway.supergraphSdl,
    subgraphUrls: Object.fromEntries(SERVICE_NAMES.map((n) => [n, services[n].url])),
    auth: o.gateway.auth,
    logger: createLogger('gateway', o.logLevel),
    keepAlive: o.gateway.keepAlive,
    gatewaySecret: o.gateway.secret,
    rateLimit: o.gateway.rateLimit,
    requestTimeoutMs: o.gateway.requestTimeoutMs,
    explorer: o.gateway.explorer,
    statisticsCacheSeconds: o.gateway.statisticsCacheSeconds,
    statisticsStaleSeconds: o.gateway.statisticsStaleSeconds,
  });
  const gatewayUrl = await gateway.start(o.gateway.port);
  return {
    services,
    buses,
    gateway,
    gatewayUrl,
    async stop() {
      await gateway.stop();
      await o.gateway.rateLimit?.store.close();
      for (const n of SERVICE_NAMES) await services[n].stop();
      await Promise.allSettled([...new Set(Object.values(buses))].map((b) => b.close()));
    },
  };
}
