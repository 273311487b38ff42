import type { EntityManager } from '@mikro-orm/core';
import type { Agency } from '@sc/kernel';
import { RECIPIENT_HEADER, type MessageInput, type MessageType } from '@sc/contracts';
import { uuidv7 } from '@sc/kernel';
import { currentTraceparent } from '@sc/runtime';
import type { OutgoingRecord } from './bus';
import { newEnvelope, toRecord, type Envelope } from './envelope';
import { appendRows } from './deferred-rows';
import { topicName } from './topics';

/**
 * Transactional outbox: the message is a row written by the same transaction
 * as the state change it announces, so both commit or neither does. The relay
 * publishes it later; `kick()` wakes the relay so latency does not depend on
 * its poll interval.
 */
export class Outbox {
  constructor(
    readonly agency: Agency,
    readonly topicPrefix: string,
    private readonly kick: () => void = () => undefined,
  ) {}

  /** Validates `data` against the message's schema and stages it in `em`'s transaction. */
  async enqueue<M extends MessageType>(
    em: EntityManager,
    m: M,
    citizenId: string,
    data: MessageInput<M>,
  ): Promise<Envelope> {
    // Programmer errors (a producer building an invalid message) crash loudly here.
    const parsed = m.schema.parse(data);
    const env = newEnvelope(m.type, this.agency, citizenId, parsed);
    const rec = toRecord(topicName(this.topicPrefix, m.topic), env);
    // Addressed to one agency: said in a header too, so the others pass it over without parsing the body.
    if (m.addressee) rec.headers[RECIPIENT_HEADER] = String((parsed as Record<string, unknown>)[m.addressee]);
    // CloudEvents distributed tracing: the row keeps the trace of the change it announces, so the relay continues it.
    const traceparent = currentTraceparent();
    if (traceparent) rec.headers.ce_traceparent = traceparent;
    await this.enqueueRecord(em, rec, m.type);
    return env;
  }

  /** Stages a ready-made record (dead-letter copies, replays). */
  async enqueueRecord(em: EntityManager, rec: OutgoingRecord, type: string): Promise<void> {
    // In a consumer's batch, one INSERT at its end for all the batch's messages, in the order staged.
    await appendRows(em, {
      head: 'insert into outbox_message (id, topic, key, type, headers, payload)',
      row: '(?, ?, ?, ?, ?, ?)',
      rows: [[uuidv7(), rec.topic, rec.key, type, JSON.stringify(rec.headers), rec.value]],
    });
  }

  /** Call after a transaction that enqueued messages has committed. */
  committed(): void {
    this.kick();
  }

  /** Runs `fn` in a transaction and wakes the relay once it has committed. */
  async transaction<T>(em: EntityManager, fn: (em: EntityManager) => Promise<T>): Promise<T> {
    const result = await em.transactional(fn);
    this.kick();
    return result;
  }
}
