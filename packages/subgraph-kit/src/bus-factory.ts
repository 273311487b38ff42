import { InProcessBus, KafkaBus, type KafkaBusOptions, type MessageBus } from '@sc/messaging';
import { TOPICS } from '@sc/contracts';
import type { Logger } from '@sc/kernel';
import type { KafkaEnv } from './service-config';

/** Kafka when configured, else the in-process bus (embedded default only). */
export function createBus(kafka: KafkaEnv | null, clientId: string, topicPrefix: string, logger: Logger): MessageBus {
  if (!kafka) return new InProcessBus(logger);
  return new KafkaBus({
    brokers: kafka.brokers,
    clientId,
    mock: kafka.mock,
    sessionTimeoutMs: kafka.sessionTimeoutMs,
    heartbeatIntervalMs: kafka.heartbeatIntervalMs,
    maxWaitTimeMs: kafka.maxWaitTimeMs,
    partitionsConsumedConcurrently: kafka.partitionsConcurrently,
    ssl: kafka.ssl,
    sasl: kafka.sasl as KafkaBusOptions['sasl'],
    topics: Object.values(TOPICS).map((t) => `${topicPrefix}${t}`),
    logger,
  });
}
