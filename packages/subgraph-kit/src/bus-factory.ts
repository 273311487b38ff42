import { InProcessBus, KafkaBus, type MessageBus } from '@sc/messaging';
import { TOPICS } from '@sc/contracts';
import type { Logger } from '@sc/runtime';
import type { KafkaEnv } from './service-config';

/** Kafka when configured, else the in-process bus (embedded default only). */
export function createBus(kafka: KafkaEnv | null, clientId: string, topicPrefix: string, logger: Logger): MessageBus {
  if (!kafka) return new InProcessBus(logger);
  return new KafkaBus({ ...kafka, clientId, topics: Object.values(TOPICS).map((t) => `${topicPrefix}${t}`), logger });
}
