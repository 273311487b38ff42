import { createLogger, onShutdown } from '@sc/runtime';
import { createBus } from './bus-factory';
import { kafkaConfigFromEnv, serviceConfigFromEnv } from './service-config';
import { migrateOnly, type ServiceDependencies, type SubgraphDefinition, type SubgraphService } from './service';
import type { ServiceConfig } from './service-config';

/**
 * Entry point of one service in its own process (a container): configuration
 * from the environment, Kafka when KAFKA_BROKERS is set. SIGTERM/SIGINT stop
 * it gracefully: HTTP first, then the consumer, the relay and the database.
 */
export async function runMain(
  name: string,
  defaultPort: number,
  factory: (config: ServiceConfig, deps: ServiceDependencies) => Promise<SubgraphService>,
  definition: SubgraphDefinition,
  argv = process.argv,
): Promise<void> {
  const config = serviceConfigFromEnv(name, defaultPort);
  const log = createLogger(name, config.logLevel);
  if (argv.includes('--migrate-only')) {
    await migrateOnly(definition, config, log);
    log.info('migrations are current');
    return;
  }
  const bus = createBus(kafkaConfigFromEnv(), name, config.topicPrefix, log);
  if (bus.kind === 'in-process')
    log.warn('KAFKA_BROKERS is not set: messages stay inside this process (in-process bus)');
  // Before anything listens: a signal during start-up must find its handler (a supervised child ignores Ctrl-C).
  const running: { svc?: SubgraphService } = {};
  onShutdown(async (reason) => {
    log.info({ reason }, 'stopping');
    await running.svc?.stop();
    await bus.close();
  });
  const svc = (running.svc = await factory(config, { bus, logger: log }));
  await svc.start();
}
