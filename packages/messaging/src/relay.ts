import { Client } from 'pg';
import { backoffDelay, sleep, type BackoffPolicy } from '@sc/kernel';
import { SpanKind, SpanStatusCode, startSpanFrom, traceparentOf, type Logger } from '@sc/runtime';
import type { MessageBus, OutgoingRecord } from './bus';

export interface RelayOptions {
  connectionString: string;
  bus: MessageBus;
  logger: Logger;
  batchSize: number;
  /** Fallback poll when nothing kicked the relay (rows written by another process). */
  idlePollMs: number;
  /**
   * While busy, batches start at least this far apart (ms), so rows written
   * meanwhile go out together: one broker request and one UPDATE for many
   * rows instead of one each. The first row after a quiet spell goes at once,
   * so it costs no latency at a low rate. 0 = a batch per kick.
   */
  lingerMs?: number;
  /** How often a standby replica tries to become the publishing one. */
  standbyPollMs: number;
  backoff: BackoffPolicy;
  /** Published rows older than this are deleted. */
  retentionMs: number;
  /**
   * With a broker that keeps nothing across restarts (the embedded default's
   * in-process bus or kcat mock), rows published this recently are published
   * again when the relay takes over, so what was in flight at a crash is not
   * lost. Consumers' inboxes drop the copies they already handled. 0 = off.
   */
  republishWindowMs?: number;
}

export interface RelayStats {
  published: number;
  batches: number;
  failures: number;
}

/**
 * One publishing relay per database: with two replicas publishing at once,
 * messages about one citizen could overtake each other. (Whoever holds this
 * session lock publishes; bench part 1 holds it itself to keep a backlog.)
 */
export const RELAY_LEADER_LOCK = 0x5c_0b_0c_01;
const CLEANUP_EVERY_MS = 60_000;

interface Row {
  seq: string;
  topic: string;
  key: string;
  headers: Record<string, string>;
  payload: string;
}

/**
 * Publishes outbox rows in commit order, a batch at a time. A batch is
 * retried as a whole with backoff until the broker takes it, and the next
 * batch is read only after that, so order per key holds and a row is
 * published at least once. Consumers' inboxes absorb the duplicates.
 */
export class OutboxRelay {
  readonly stats: RelayStats = { published: 0, batches: 0, failures: 0 };
  private client?: Client;
  private leader = false;
  private running = false;
  private pending = false;
  private wake?: () => void;
  private done?: Promise<void>;
  private lastCleanup = 0;
  /** When the last batch was read (performance.now()), for the linger. */
  private lastBatchAt = -Infinity;

  constructor(private readonly o: RelayOptions) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.done = this.loop();
  }

  kick(): void {
    this.pending = true;
    this.wake?.();
  }

  get isLeader(): boolean {
    return this.leader;
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.done;
    await this.dropConnection();
  }

  private idle(ms: number): Promise<void> {
    if (!this.running) return Promise.resolve(); // stop() came during the cycle: no wait for the next poll
    return new Promise((resolve) => {
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        resolve();
      }
      this.wake = () => {
        this.wake = undefined;
        done();
      };
    });
  }

  private async connect(): Promise<Client> {
    if (this.client) return this.client;
    const c = new Client({ connectionString: this.o.connectionString, application_name: 'outbox-relay' });
    c.on('error', (e) => {
      this.o.logger.warn({ err: e }, 'relay connection lost');
      this.client = undefined;
      this.leader = false;
    });
    await c.connect();
    this.client = c;
    return c;
  }

  private async dropConnection(): Promise<void> {
    const c = this.client;
    this.client = undefined;
    this.leader = false;
    await c?.end().catch(() => undefined);
  }

  private async loop(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        const c = await this.connect();
        if (!this.leader) {
          const r = await c.query('select pg_try_advisory_lock($1) as ok', [RELAY_LEADER_LOCK]);
          this.leader = r.rows[0].ok === true;
          if (!this.leader) {
            await this.idle(this.o.standbyPollMs);
            continue;
          }
          this.o.logger.info('outbox relay is the publishing replica');
          if (this.o.republishWindowMs) {
            const r = await c.query(
              `update outbox_message set published_at = null where published_at > now() - ($1::bigint * interval '1 millisecond')`,
              [this.o.republishWindowMs],
            );
            if (r.rowCount)
              this.o.logger.info({ count: r.rowCount }, 'volatile broker: republishing recently published messages');
          }
        }
        this.pending = false;
        const since = performance.now() - this.lastBatchAt;
        if (this.o.lingerMs && since < this.o.lingerMs) await sleep(this.o.lingerMs - since);
        this.lastBatchAt = performance.now();
        const n = await this.publishBatch(c);
        failures = 0;
        await this.cleanup(c);
        if (n < this.o.batchSize && !this.pending) await this.idle(this.o.idlePollMs);
      } catch (e) {
        failures++;
        this.stats.failures++;
        const delay = backoffDelay(failures, this.o.backoff);
        this.o.logger.warn({ err: e, attempt: failures, retryInMs: delay }, 'outbox relay cycle failed');
        if (!(e instanceof PublishError)) await this.dropConnection();
        await sleep(delay);
      }
    }
  }

  private async publishBatch(c: Client): Promise<number> {
    const { rows } = await c.query<Row>(
      'select seq, topic, key, headers, payload from outbox_message where published_at is null order by seq limit $1',
      [this.o.batchSize],
    );
    if (rows.length === 0) return 0;
    // One producer span per record, child of the change that staged it (the row's CloudEvents traceparent).
    const spans = rows.map((r) =>
      startSpanFrom(r.headers.ce_traceparent, `publish ${r.topic}`, SpanKind.PRODUCER, {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'send',
        'messaging.destination.name': r.topic,
        'messaging.message.id': r.headers.ce_id ?? '',
      }),
    );
    const records: OutgoingRecord[] = rows.map((r, i) => {
      const traceparent = traceparentOf(spans[i]!) ?? r.headers.ce_traceparent;
      return {
        topic: r.topic,
        key: r.key,
        headers: traceparent ? { ...r.headers, ce_traceparent: traceparent } : r.headers,
        value: r.payload,
      };
    });
    try {
      await this.o.bus.publish(records);
    } catch (e) {
      for (const sp of spans) sp.setStatus({ code: SpanStatusCode.ERROR, message: 'publish failed' }).end();
      await c
        .query('update outbox_message set attempts = attempts + 1, last_error = $2 where seq = $1', [
          rows[0]!.seq,
          String((e as Error).message).slice(0, 2000),
        ])
        .catch(() => undefined);
      throw new PublishError(e);
    }
    for (const sp of spans) sp.end();
    await c.query('update outbox_message set published_at = now() where seq = any($1::bigint[])', [
      rows.map((r) => r.seq),
    ]);
    this.stats.published += rows.length;
    this.stats.batches++;
    return rows.length;
  }

  private async cleanup(c: Client): Promise<void> {
    const now = Date.now();
    if (now - this.lastCleanup < CLEANUP_EVERY_MS) return;
    this.lastCleanup = now;
    await c.query(
      `delete from outbox_message where seq in (
         select seq from outbox_message where published_at < now() - ($1::bigint * interval '1 millisecond') limit 10000)`,
      [this.o.retentionMs],
    );
  }
}

class PublishError extends Error {
  constructor(override readonly cause: unknown) {
    super(`publish failed: ${(cause as Error)?.message ?? cause}`);
  }
}
