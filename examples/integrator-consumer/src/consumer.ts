import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { Kafka as CloudEventsKafka, type CloudEventV1, type KafkaMessage } from 'cloudevents';
import { Kafka, logLevel, type KafkaConfig } from 'kafkajs';
import pg from 'pg';

/** What the integrator does with one event, inside its own transaction (`db`). */
export type EventHandler = (event: CloudEventV1<unknown>, db: pg.PoolClient) => Promise<void>;

export interface IntegratorConsumerOptions {
  /** Bootstrap servers (KAFKA_BROKERS), and TLS/SASL for a real cluster. */
  brokers: string[];
  ssl?: boolean;
  sasl?: KafkaConfig['sasl'];
  /** The consumer group: one per integration, kept across restarts. */
  groupId: string;
  /** The deployment's topic prefix (KAFKA_TOPIC_PREFIX), '' by default. */
  topicPrefix?: string;
  /** The topics to read, e.g. ['sc.notifications.v1']. */
  topics: string[];
  /** The integrator's own database: the ids it processed, and what its handlers write. */
  databaseUrl: string;
  /** Where the committed JSON Schemas are (packages/contracts/schemas). */
  schemasDir: string;
  /** A handler per message type it understands, version included (`notification.deadline.v1`). */
  handlers: Record<string, EventHandler>;
  log?: (line: string) => void;
}

const SETUP = [
  `create table if not exists integrator_processed (
     ce_id text primary key, type text not null, processed_at timestamptz not null default now())`,
  `create table if not exists integrator_rejected (
     ce_id text, topic text not null, partition int not null, "offset" text not null, reason text not null,
     rejected_at timestamptz not null default now())`,
];

/**
 * Reads the federation's topics the way an integrator should:
 * - each record becomes a CloudEvent through the official SDK (Kafka binding, binary mode);
 * - its body is validated with ajv against the committed JSON Schema of its type;
 * - versions: a type it has no handler for (a new `.v2` beside the `.v1` it reads,
 *   or a type it does not care about) is skipped and logged, never fails the partition;
 * - a record it cannot read or that fails its schema is kept in `integrator_rejected`, and the
 *   partition moves on (at-least-once delivery: nothing is silently lost);
 * - it deduplicates on `ce_id` in the same transaction as the handler's writes, and commits the
 *   offset only after that transaction commits — a crash in between redelivers, and the id
 *   already stored makes the redelivery a no-op.
 */
export async function startIntegratorConsumer(o: IntegratorConsumerOptions): Promise<{ stop(): Promise<void> }> {
  const log = o.log ?? ((line: string) => console.log(line));
  const pool = new pg.Pool({ connectionString: o.databaseUrl, max: 2 });
  for (const sql of SETUP) await pool.query(sql);
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const validators = new Map<string, ValidateFunction>();
  const validatorOf = (type: string): ValidateFunction => {
    if (!validators.has(type))
      validators.set(type, ajv.compile(JSON.parse(readFileSync(join(o.schemasDir, `${type}.json`), 'utf8'))));
    return validators.get(type)!;
  };
  const kafka = new Kafka({
    clientId: o.groupId,
    brokers: o.brokers,
    ssl: o.ssl,
    sasl: o.sasl,
    logLevel: logLevel.WARN,
  });
  const consumer = kafka.consumer({ groupId: o.groupId });
  await consumer.connect();
  await consumer.subscribe({ topics: o.topics.map((t) => `${o.topicPrefix ?? ''}${t}`), fromBeginning: true });

  const reject = (topic: string, partition: number, offset: string, reason: string, id?: string) =>
    pool.query(
      `insert into integrator_rejected (ce_id, topic, partition, "offset", reason) values ($1, $2, $3, $4, $5)`,
      [id ?? null, topic, partition, offset, reason],
    );

  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ topic, partition, message }) => {
      const next = [{ topic, partition, offset: (BigInt(message.offset) + 1n).toString() }];
      let event: CloudEventV1<unknown>;
      try {
        event = CloudEventsKafka.toEvent({
          key: message.key?.toString('utf8') ?? '',
          value: message.value?.toString('utf8'),
          headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)])),
        } as KafkaMessage<string>) as CloudEventV1<unknown>;
      } catch (e) {
        await reject(topic, partition, message.offset, `not a CloudEvent: ${(e as Error).message}`);
        return consumer.commitOffsets(next);
      }
      const handle = o.handlers[event.type];
      if (!handle) {
        log(`skipped ${event.type} ${event.id} (no handler for this type or version)`);
        return consumer.commitOffsets(next);
      }
      const validate = validatorOf(event.type);
      if (!validate(event.data)) {
        await reject(topic, partition, message.offset, ajv.errorsText(validate.errors), event.id);
        return consumer.commitOffsets(next);
      }
      const db = await pool.connect();
      try {
        await db.query('begin');
        const fresh = await db.query(
          'insert into integrator_processed (ce_id, type) values ($1, $2) on conflict do nothing',
          [event.id, event.type],
        );
        if (fresh.rowCount) await handle(event, db);
        await db.query('commit');
        log(`${fresh.rowCount ? 'handled' : 'duplicate'} ${event.type} ${event.id}`);
      } catch (e) {
        await db.query('rollback');
        throw e; // kafkajs retries the record; the offset is not committed
      } finally {
        db.release();
      }
      await consumer.commitOffsets(next);
    },
  });
  return {
    async stop() {
      await consumer.disconnect();
      await pool.end();
    },
  };
}
