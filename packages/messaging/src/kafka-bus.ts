import {
  Kafka,
  logLevel,
  Partitioners,
  type Admin,
  type Consumer,
  type Producer,
  type KafkaConfig,
  type KafkaMessage,
  type LogEntry,
} from 'kafkajs';
import type { Logger } from '@sc/runtime';
import { fixKafkajsIdleLoop } from './kafkajs-idle-fix';
import type { IncomingRecord, MessageBus, OutgoingRecord, PartitionLag, SubscribeOptions, Subscription } from './bus';

export interface KafkaBusOptions {
  brokers: string[];
  clientId: string;
  /**
   * librdkafka's mock cluster (tests, `npm start` with kcat) rejects kafkajs'
   * idempotent producer and admin calls; then we keep ordering with a single
   * in-flight request and let topics auto-create.
   */
  mock: boolean;
  sessionTimeoutMs: number;
  heartbeatIntervalMs: number;
  maxWaitTimeMs: number;
  /**
   * Partitions handled at once by one consumer; by default one per partition
   * it can hold (its topics × partitions per topic). Order holds
   * within a partition, and a citizen's messages share one partition (key =
   * citizen id). With 4 for ЦСПН's 16 partitions the bench sustained 115
   * referrals/s at saturation, with one per partition 150 (same run size,
   * nothing else on the machine); steady-state latency was the same.
   */
  partitionsConsumedConcurrently?: number;
  /** Topics to create up front on a real cluster (ignored on the mock). */
  topics?: string[];
  numPartitions?: number;
  replicationFactor?: number;
  ssl?: boolean;
  sasl?: KafkaConfig['sasl'];
  logger: Logger;
}

/** A fetched Kafka message as the port's record (headers as strings, the value's bytes kept). */
function incoming(topic: string, partition: number, message: KafkaMessage): IncomingRecord {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(message.headers ?? {})) {
    if (v !== undefined) headers[k] = Array.isArray(v) ? String(v[0]) : String(v);
  }
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key?.toString() ?? '',
    headers,
    value: message.value?.toString() ?? '',
    rawValue: message.value ?? Buffer.alloc(0),
  };
}

const toPinoLevel = (l: logLevel): 'error' | 'warn' | 'info' | 'debug' =>
  l === logLevel.ERROR || l === logLevel.NOTHING
    ? 'error'
    : l === logLevel.WARN
      ? 'warn'
      : l === logLevel.INFO
        ? 'info'
        : 'debug';

export class KafkaBus implements MessageBus {
  readonly kind = 'kafka' as const;
  private readonly kafka: Kafka;
  private producer?: Producer;
  private producerReady?: Promise<Producer>;
  private readonly consumers = new Set<Consumer>();
  private readonly lags = new Map<string, PartitionLag>();
  private admin?: Promise<Admin>;

  constructor(private readonly o: KafkaBusOptions) {
    const log = o.logger.child({ component: 'kafkajs' });
    if (!fixKafkajsIdleLoop()) log.warn("kafkajs request queue is not 2.2.4's: its idle timer loop was left as is");
    this.kafka = new Kafka({
      clientId: o.clientId,
      brokers: o.brokers,
      ssl: o.ssl,
      sasl: o.sasl,
      connectionTimeout: 3000,
      retry: { initialRetryTime: 100, retries: 8 },
      logLevel: logLevel.WARN,
      logCreator: () => (e: LogEntry) => {
        const { message, ...rest } = e.log;
        log[toPinoLevel(e.level)]({ ns: e.namespace, ...rest }, message);
      },
    });
  }

  private getProducer(): Promise<Producer> {
    this.producerReady ??= (async () => {
      if (!this.o.mock && this.o.topics?.length) await this.ensureTopics(this.o.topics);
      const p = this.kafka.producer({
        createPartitioner: Partitioners.DefaultPartitioner,
        idempotent: !this.o.mock,
        maxInFlightRequests: this.o.mock ? 1 : 5,
        allowAutoTopicCreation: true,
      });
      await p.connect();
      this.producer = p;
      return p;
    })().catch((e) => {
      this.producerReady = undefined;
      throw e;
    });
    return this.producerReady;
  }

  private async ensureTopics(topics: string[]): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await admin.createTopics({
        waitForLeaders: true,
        topics: topics.map((topic) => ({
          topic,
          numPartitions: this.partitionsPerTopic,
          replicationFactor: this.o.replicationFactor ?? -1,
        })),
      });
    } finally {
      await admin.disconnect();
    }
  }

  async publish(records: OutgoingRecord[]): Promise<void> {
    if (records.length === 0) return;
    const p = await this.getProducer();
    const byTopic = new Map<string, OutgoingRecord[]>();
    for (const r of records) {
      let list = byTopic.get(r.topic);
      if (!list) byTopic.set(r.topic, (list = []));
      list.push(r);
    }
    await p.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, rs]) => ({
        topic,
        messages: rs.map((r) => ({ key: r.key, value: r.value, headers: r.headers })),
      })),
    });
  }

  /** Partitions of each topic: as created up front (12 by default), or the mock's auto-created 4. */
  private get partitionsPerTopic(): number {
    return this.o.numPartitions ?? (this.o.mock ? 4 : 12);
  }

  async subscribe(s: SubscribeOptions): Promise<Subscription> {
    const consumer = this.kafka.consumer({
      groupId: s.groupId,
      sessionTimeout: this.o.sessionTimeoutMs,
      heartbeatInterval: this.o.heartbeatIntervalMs,
      maxWaitTimeInMs: this.o.maxWaitTimeMs,
      allowAutoTopicCreation: true,
      retry: { initialRetryTime: 100, retries: 10 },
    });
    // kafkajs reports after each batch how far its end is from the partition's high watermark.
    consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload: p }) => {
      const lag = { group: s.groupId, topic: p.topic, partition: p.partition, lag: Number(p.offsetLag) };
      this.lags.set(`${s.groupId}/${p.topic}/${p.partition}`, lag);
    });
    // A join stops the group's consumption while it lasts (on the mock, sessionTimeout − 1 s): logged with
    // its duration, so a pause in delivery can be told from a slow handler. A re-join (a rebalance) warns.
    let joins = 0;
    consumer.on(consumer.events.GROUP_JOIN, ({ payload: p }) => {
      const partitions = Object.values(p.memberAssignment).reduce((n, ps) => n + ps.length, 0);
      const fields = { group: s.groupId, durationMs: p.duration, partitions };
      if (joins++ === 0) this.o.logger.info(fields, 'consumer group joined');
      else this.o.logger.warn(fields, 'consumer group re-joined (rebalance): delivery paused meanwhile');
    });
    await consumer.connect();
    await consumer.subscribe({ topics: s.topics, fromBeginning: true });
    await consumer.run({
      autoCommit: true,
      partitionsConsumedConcurrently:
        this.o.partitionsConsumedConcurrently ?? s.topics.length * this.partitionsPerTopic,
      // Only a handled record's offset is committed: eachMessage resolving, or the
      // offset resolved after a slice of a batch, is kafkajs' signal that it is done.
      ...(s.handleBatch
        ? {
            eachBatchAutoResolve: false,
            eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
              const size = Math.max(1, s.maxBatch ?? 1);
              for (let i = 0; i < batch.messages.length && isRunning() && !isStale(); i += size) {
                const slice = batch.messages.slice(i, i + size);
                await s.handleBatch!(slice.map((m) => incoming(batch.topic, batch.partition, m)));
                resolveOffset(slice[slice.length - 1]!.offset);
                await heartbeat();
              }
            },
          }
        : {
            eachMessage: async ({ topic, partition, message }) => {
              await s.handle(incoming(topic, partition, message));
            },
          }),
    });
    this.consumers.add(consumer);
    return {
      stop: async () => {
        this.consumers.delete(consumer);
        await consumer.disconnect();
      },
    };
  }

  lag(): PartitionLag[] {
    return [...this.lags.values()];
  }

  /** Readiness: the producer is connected and the cluster answers a metadata request (works on the mock too). */
  async ping(): Promise<void> {
    await this.getProducer();
    this.admin ??= (async () => {
      const a = this.kafka.admin();
      await a.connect();
      return a;
    })().catch((e) => {
      this.admin = undefined;
      throw e;
    });
    try {
      await (await this.admin).fetchTopicMetadata({ topics: [] });
    } catch (e) {
      const a = this.admin;
      this.admin = undefined;
      await (await a?.catch(() => undefined))?.disconnect().catch(() => undefined);
      throw e;
    }
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.consumers].map((c) => c.disconnect()));
    this.consumers.clear();
    const admin = await this.admin?.catch(() => undefined);
    this.admin = undefined;
    await admin?.disconnect().catch(() => undefined);
    if (this.producer) await this.producer.disconnect().catch(() => undefined);
    this.producer = undefined;
    this.producerReady = undefined;
  }
}
