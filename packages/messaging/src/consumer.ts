import { setTimeout as pause } from 'node:timers/promises';
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { backoffDelay, isDomainError, uuidv7, type BackoffPolicy } from '@sc/kernel';
import { inSpan, SpanKind, startSpanFrom, type Logger } from '@sc/runtime';
import { RECIPIENT_HEADER, TOPICS, type MessageData, type MessageType } from '@sc/contracts';
import type { IncomingRecord, MessageBus, Subscription } from './bus';
import { fromRecord, MalformedMessageError, recordId, type Envelope } from './envelope';
import type { Outbox } from './outbox';
import { withBatchLookahead } from './batch-lookahead';
import { withDeferredRows } from './deferred-rows';
import { execInTx } from './sql';
import { topicName } from './topics';

export interface HandlerContext {
  /** A fork bound to the transaction that also records the inbox entry. */
  em: EntityManager;
  envelope: Envelope;
  outbox: Outbox;
  log: Logger;
}

export interface MessageHandler<M extends MessageType = MessageType> {
  message: M;
  /**
   * Whether this service takes the message, beyond its type's addressee
   * (which the consumer checks itself: a message addressed to another agency
   * is passed over). Others are ignored.
   */
  accepts?(data: MessageData<M>): boolean;
  handle(data: MessageData<M>, ctx: HandlerContext): Promise<void>;
  /**
   * In a consumer's batch, when this record's new and changed entities are
   * written. 'record' (the default): flushed after the record, and the
   * identity map cleared, as a transaction of its own would. 'batch': left
   * for the batch's one flush at its end, so that the ORM writes each table
   * once for the whole batch (one multi-row INSERT per entity type). Only for
   * a handler whose records read each other's rows through the
   * EntityManager alone (its identity map, and the flush it makes before a
   * query of a table with pending changes), never by raw SQL.
   */
  flush?: 'record' | 'batch';
}

export const handler = <M extends MessageType>(h: MessageHandler<M>): MessageHandler => h as unknown as MessageHandler;

export interface ConsumerOptions {
  /** Consumer group and inbox name, e.g. `social-protection`. */
  name: string;
  orm: MikroORM;
  bus: MessageBus;
  outbox: Outbox;
  handlers: MessageHandler[];
  logger: Logger;
  /** Attempts for operational failures before the record is dead-lettered. */
  maxAttempts: number;
  backoff: BackoffPolicy;
  /**
   * Records of one partition handled in one transaction (1 = each alone).
   * Fewer commits and round trips per record when a backlog builds up; a
   * record arriving alone is still handled at once.
   */
  batchSize?: number;
  /** Observation hook (metrics, benchmarks): called after each record's outcome is committed. */
  onOutcome?: (outcome: Outcome, envelope: Envelope | undefined) => void;
}

export interface ConsumerStats {
  handled: number;
  duplicates: number;
  ignored: number;
  deadLettered: number;
}

export type Outcome = 'handled' | 'duplicate' | 'ignored' | 'dead-lettered';

/**
 * Idempotent consumer. Each record is handled in one transaction that also
 * inserts (consumer, ce_id) into the inbox: a redelivered record finds its
 * inbox row and has no second effect. Records that cannot succeed (malformed,
 * invalid, refused by a domain rule) go to the dead-letter store at once;
 * operational failures are retried with backoff, then dead-lettered. Either
 * way the partition moves on.
 */
export class InboxConsumer {
  readonly stats: ConsumerStats = { handled: 0, duplicates: 0, ignored: 0, deadLettered: 0 };
  private readonly byType: Map<string, MessageHandler>;
  private sub?: Subscription;
  /** Set by stop(): a record between retries gives up at once (it is redelivered later, nothing is lost). */
  private stopping = new AbortController();

  constructor(private readonly o: ConsumerOptions) {
    this.byType = new Map(o.handlers.map((h) => [h.message.type, h]));
  }

  get topics(): string[] {
    return [...new Set(this.o.handlers.map((h) => topicName(this.o.outbox.topicPrefix, h.message.topic)))];
  }

  /** Subscribed — on Kafka, joined to its group — or with nothing to consume. */
  get running(): boolean {
    return !!this.sub || this.topics.length === 0;
  }

  async start(): Promise<void> {
    if (this.sub || this.topics.length === 0) return;
    this.stopping = new AbortController();
    this.sub = await this.o.bus.subscribe({
      groupId: this.o.name,
      topics: this.topics,
      handle: (r) => this.process(r).then(() => undefined),
      handleBatch: (this.o.batchSize ?? 1) > 1 ? (rs) => this.processBatch(rs) : undefined,
      maxBatch: this.o.batchSize,
    });
  }

  async stop(): Promise<void> {
    const s = this.sub;
    this.sub = undefined;
    this.stopping.abort();
    await s?.stop();
  }

  async process(rec: IncomingRecord): Promise<Outcome> {
    // The record's trace goes on here: its CloudEvents traceparent is the relay's publish span.
    const span = consumerSpan(rec, this.o.name);
    const r = await inSpan(span, async () => {
      const out = await this.processRecord(rec);
      span.setAttribute('sc.outcome', out.outcome);
      return out;
    });
    this.o.onOutcome?.(r.outcome, r.envelope);
    return r.outcome;
  }

  /**
   * Several records of one partition, in order. Those this service handles go
   * through one transaction with one inbox insert for all of them: one commit
   * instead of one per record. If anything in it fails, nothing of it stays
   * and the records are processed one at a time as `process` does (retries,
   * dead letters), so a bad record costs its batch a second pass, never an
   * effect twice. Ignored and refused records take their own path after.
   */
  async processBatch(recs: IncomingRecord[]): Promise<void> {
    const decoded = recs.map((rec) => ({ rec, d: this.decode(rec) }));
    const ready = decoded.filter((x): x is { rec: IncomingRecord; d: Ready } => 'handler' in x.d);
    const together =
      ready.length > 1
        ? await this.handleTogether(ready).catch((e: unknown) => {
            this.o.logger.warn(
              { err: e, records: ready.length },
              'batch failed; its records are handled one at a time',
            );
            return undefined;
          })
        : undefined;
    if (!together) {
      for (const rec of recs) await this.process(rec);
      return;
    }
    this.o.outbox.committed();
    for (const [i, { d }] of ready.entries()) {
      const outcome = this.count(together[i]!); // counted whether or not anyone observes it
      this.o.onOutcome?.(outcome, d.env);
    }
    for (const { rec, d } of decoded) if (!('handler' in d)) await this.process(rec);
  }

  /** The ready records' effects and inbox rows in one transaction; each record's outcome. */
  private async handleTogether(items: { rec: IncomingRecord; d: Ready }[]): Promise<Outcome[]> {
    return this.o.orm.em.fork().transactional(async (em) => {
      const r = await execInTx<{ message_id: string }[]>(
        em,
        `insert into inbox_message (consumer, message_id, type) values ${items.map(() => '(?, ?, ?)').join(', ')}
         on conflict do nothing returning message_id`,
        items.flatMap(({ d }) => [this.o.name, d.env.id, d.env.type]),
        'all',
      );
      const fresh = new Set(r.map((row) => row.message_id));
      const bodies = items.filter(({ d }) => fresh.has(d.env.id)).map(({ d }) => d.data);
      // The rows the handlers append (outbox, audit, notifications) go in one INSERT per table at the end;
      // what the records would each look up (is it new?) is looked up once for all of them.
      return withDeferredRows(em, () => withBatchLookahead(em, bodies, () => this.handleEach(em, items, fresh)));
    });
  }

  /** Each fresh record's handler in the batch's transaction, in order; a record already in the inbox is a duplicate. */
  private async handleEach(
    em: EntityManager,
    items: { rec: IncomingRecord; d: Ready }[],
    fresh: Set<string>,
  ): Promise<Outcome[]> {
    const outcomes: Outcome[] = [];
    for (const { rec, d } of items) {
      // A record redelivered into the same batch is inserted once and handled once.
      if (!fresh.delete(d.env.id)) {
        outcomes.push('duplicate');
        continue;
      }
      const span = consumerSpan(rec, this.o.name);
      try {
        await inSpan(span, async () => {
          await d.handler.handle(d.data, { em, envelope: d.env, outbox: this.o.outbox, log: d.log });
          if (d.handler.flush === 'batch') return; // written with the batch's other records, below
          // What a transaction of its own would flush at its end; then the next record starts with an
          // empty identity map, so no flush of a later record walks the earlier records' entities.
          await em.flush();
          em.clear();
        });
        span.setAttribute('sc.outcome', 'handled');
      } finally {
        span.end();
      }
      outcomes.push('handled');
    }
    // What the 'batch' handlers left: one INSERT per table for all their records.
    await em.flush();
    return outcomes;
  }

  /** What a record is: ready for its handler, or done with here (ignored, or refused as it stands). */
  private decode(rec: IncomingRecord): Ready | { outcome: () => Promise<Outcome>; env?: Envelope } {
    // A type this service does not handle, or a message addressed to another agency, is passed over
    // unread: most records on a shared topic are someone else's, and parsing them costs as much as ours.
    const type = rec.headers.ce_type;
    const known = type ? this.byType.get(type) : undefined;
    const recipient = rec.headers[RECIPIENT_HEADER];
    if (type && rec.headers.ce_id && (!known || (known.message.addressee && recipient && recipient !== this.agency)))
      return { outcome: async () => this.count('ignored') };
    let env: Envelope;
    try {
      env = fromRecord(rec);
    } catch (e) {
      const code = (e as MalformedMessageError).code ?? 'MALFORMED_ENVELOPE';
      return { outcome: () => this.deadLetter(rec, undefined, code, e, 1) };
    }
    const h = this.byType.get(env.type);
    if (!h) return { outcome: async () => this.count('ignored'), env };
    // No text column can hold U+0000: such a body would fail every try, so it is refused at once.
    if (hasNul(env.data)) {
      const e = new Error('a string in the body contains U+0000');
      return { outcome: () => this.deadLetter(rec, env, 'CONTROL_CHARACTER', e, 1), env };
    }
    const parsed = h.message.schema.safeParse(env.data);
    if (!parsed.success) {
      const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      return { outcome: () => this.deadLetter(rec, env, 'SCHEMA_VIOLATION', new Error(detail), 1), env };
    }
    const addressee = h.message.addressee && (parsed.data as Record<string, unknown>)[h.message.addressee];
    if ((addressee && addressee !== this.agency) || (h.accepts && !h.accepts(parsed.data)))
      return { outcome: async () => this.count('ignored'), env };
    const log = this.o.logger.child({ messageId: env.id, type: env.type, citizenId: env.subject });
    return { env, handler: h, data: parsed.data, log };
  }

  /** The agency this consumer works for (its outbox's). */
  private get agency(): string {
    return this.o.outbox.agency;
  }

  private async processRecord(rec: IncomingRecord): Promise<{ outcome: Outcome; envelope?: Envelope }> {
    const d = this.decode(rec);
    if (!('handler' in d)) return { outcome: await d.outcome(), envelope: d.env };
    const { env, handler: h, log } = d;
    for (let attempt = 1; ; attempt++) {
      try {
        let duplicate = false;
        await this.o.orm.em.fork().transactional(async (em) => {
          const r = await execInTx<{ affectedRows?: number; rows?: unknown[] }>(
            em,
            'insert into inbox_message (consumer, message_id, type) values (?, ?, ?) on conflict do nothing',
            [this.o.name, env.id, env.type],
            'run',
          );
          if (!r.affectedRows) {
            duplicate = true;
            return;
          }
          await h.handle(d.data, { em, envelope: env, outbox: this.o.outbox, log });
        });
        if (duplicate) {
          log.debug('duplicate delivery; already handled');
          return { outcome: this.count('duplicate'), envelope: env };
        }
        this.o.outbox.committed();
        return { outcome: this.count('handled'), envelope: env };
      } catch (e) {
        if (isDomainError(e)) return { outcome: await this.deadLetter(rec, env, e.code, e, attempt), envelope: env };
        if (attempt >= this.o.maxAttempts)
          return { outcome: await this.deadLetter(rec, env, 'RETRIES_EXHAUSTED', e, attempt), envelope: env };
        const delay = backoffDelay(attempt, this.o.backoff);
        log.warn({ err: e, attempt, retryInMs: delay }, 'handler failed; retrying');
        // A stopping consumer does not wait out its retries: the record stays uncommitted and comes back.
        if (!(await pauseUnlessStopped(delay, this.stopping.signal))) throw new ConsumerStoppingError();
      }
    }
  }

  private count(o: Outcome): Outcome {
    if (o === 'handled') this.stats.handled++;
    else if (o === 'duplicate') this.stats.duplicates++;
    else if (o === 'ignored') this.stats.ignored++;
    else this.stats.deadLettered++;
    return o;
  }

  /**
   * Stores the record with its error and copies it to the dead-letter topic,
   * both in one transaction. If even that fails (database down) the error
   * propagates and the bus redelivers the record later: nothing is dropped.
   */
  private async deadLetter(
    rec: IncomingRecord,
    env: Envelope | undefined,
    code: string,
    err: unknown,
    attempts: number,
  ): Promise<Outcome> {
    const message = readable(err instanceof Error ? err.message : String(err));
    const id = readable(recordId(rec));
    const headers = Object.fromEntries(Object.entries(rec.headers).map(([k, v]) => [readable(k), readable(v)]));
    const key = readable(rec.key);
    await this.o.orm.em.fork().transactional(async (em) => {
      const r = await execInTx<{ affectedRows?: number }>(
        em,
        `insert into dead_letter (id, consumer, message_id, type, topic, partition, "offset", key, headers, payload, payload_bytes, error_code, error, attempts)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         on conflict (consumer, message_id) where status = 'PENDING' do nothing`,
        [
          uuidv7(),
          this.o.name,
          id,
          readable(env?.type ?? rec.headers.ce_type ?? '') || null,
          rec.topic,
          rec.partition,
          rec.offset,
          key,
          JSON.stringify(headers),
          readable(rec.value),
          rec.rawValue ?? Buffer.from(rec.value, 'utf8'),
          readable(code),
          message.slice(0, 4000),
          attempts,
        ],
        'run',
      );
      if (!r.affectedRows) return; // this very record is already waiting in the store
      await this.o.outbox.enqueueRecord(
        em,
        {
          topic: topicName(this.o.outbox.topicPrefix, TOPICS.deadLetter),
          key: key || id,
          headers: {
            ...headers,
            'x-dead-letter-consumer': this.o.name,
            'x-original-topic': rec.topic,
            'x-original-partition': String(rec.partition),
            'x-original-offset': rec.offset,
            'x-error-code': readable(code),
            'x-error': message.slice(0, 1000),
          },
          value: readable(rec.value),
        },
        'dead-letter',
      );
    });
    this.o.outbox.committed();
    this.o.logger.error(
      { err, code, topic: rec.topic, partition: rec.partition, offset: rec.offset, messageId: id },
      'record dead-lettered',
    );
    return this.count('dead-lettered');
  }
}

/** A record's processing span, child of the relay's publish span (its CloudEvents traceparent). */
function consumerSpan(rec: IncomingRecord, group: string) {
  return startSpanFrom(rec.headers.ce_traceparent, `process ${rec.headers.ce_type ?? rec.topic}`, SpanKind.CONSUMER, {
    'messaging.system': 'kafka',
    'messaging.operation.type': 'process',
    'messaging.destination.name': rec.topic,
    'messaging.destination.partition.id': String(rec.partition),
    'messaging.message.id': rec.headers.ce_id ?? '',
    'messaging.consumer.group.name': group,
  });
}

/** A record this service handles, decoded and checked, with its handler. */
interface Ready {
  env: Envelope;
  handler: MessageHandler;
  data: unknown;
  log: Logger;
}

/** Raised inside a handler's retries when the consumer stops: the record is not committed and is redelivered. */
export class ConsumerStoppingError extends Error {
  constructor() {
    super('consumer stopping; the record will be redelivered');
  }
}

/** Waits `ms`, or less if the consumer stops; true when the full pause elapsed. */
const pauseUnlessStopped = (ms: number, stopping: AbortSignal): Promise<boolean> =>
  pause(ms, true, { signal: stopping }).catch(() => false);

/** Text PostgreSQL can store: U+0000 (which neither text nor jsonb accepts) becomes U+FFFD. */
const readable = (s: string): string => s.replaceAll('\u0000', '\uFFFD');

function hasNul(v: unknown): boolean {
  if (typeof v === 'string') return v.includes('\u0000');
  if (Array.isArray(v)) return v.some(hasNul);
  if (v && typeof v === 'object') return Object.values(v).some(hasNul);
  return false;
}
