import type { MikroORM } from '@mikro-orm/core';
import { Counter, Gauge } from 'prom-client';
import type { ConsumerStats, MessageBus, RelayStats } from '@sc/messaging';
import type { ProcessMetrics } from './metrics';

interface Tarn {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
}

interface Sources {
  orm: MikroORM;
  relay: { stats: RelayStats };
  consumer: { stats: ConsumerStats };
  bus: MessageBus;
  poolMax: number;
  /** The service runs scheduled jobs (pg-boss, schema pgboss). */
  scheduler?: boolean;
}

/** The outbox and dead-letter figures come from the database: the same for every replica, read once per scrape. */
interface StoreSnapshot {
  backlog: number;
  oldestAgeSeconds: number;
  deadLetters: Array<{ type: string; n: number }>;
  jobs: Array<{ queue: string; state: string; n: number }>;
}

/**
 * What an operator of a subgraph watches (alert rules in infra/prometheus):
 * the DB pool, the outbox backlog and the age of its oldest unpublished row,
 * relay throughput, consumer lag per partition, inbox duplicates dropped and
 * dead letters by type. Counters mirror the relay's and the consumer's own
 * tallies at scrape time, so the hot paths carry no metrics code.
 */
export function registerServiceMetrics(m: ProcessMetrics, s: Sources): void {
  const registers = [m.registry];
  const snapshot = onePerScrape(() => storeSnapshot(s.orm, s.scheduler === true));
  const pool = () => (s.orm.em.getConnection() as unknown as { getKnex(): { client: { pool?: Tarn } } }).getKnex();
  new Gauge({
    name: 'db_pool_connections',
    help: 'Database connections of this process by state (used, free, pending acquires, max)',
    labelNames: ['state'],
    registers,
    collect() {
      const p = pool().client.pool;
      this.set({ state: 'max' }, s.poolMax);
      if (!p) return;
      this.set({ state: 'used' }, p.numUsed());
      this.set({ state: 'free' }, p.numFree());
      this.set({ state: 'pending' }, p.numPendingAcquires());
    },
  });
  new Gauge({
    name: 'outbox_backlog_messages',
    help: 'Outbox rows not yet published to the broker',
    registers,
    async collect() {
      this.set((await snapshot()).backlog);
    },
  });
  new Gauge({
    name: 'outbox_oldest_unpublished_age_seconds',
    help: 'Age of the oldest unpublished outbox row (0 when none): how late integrators see a change',
    registers,
    async collect() {
      this.set((await snapshot()).oldestAgeSeconds);
    },
  });
  tally(m, 'outbox_published_total', 'Messages the relay published', () => s.relay.stats.published);
  tally(m, 'outbox_publish_failures_total', 'Relay cycles that failed (retried)', () => s.relay.stats.failures);
  new Counter({
    name: 'consumer_messages_total',
    help: 'Records consumed by outcome: handled, duplicate (inbox already had it: dropped), ignored, dead_lettered',
    labelNames: ['outcome'],
    registers,
    collect() {
      const st = s.consumer.stats;
      this.reset();
      this.inc({ outcome: 'handled' }, st.handled);
      this.inc({ outcome: 'duplicate' }, st.duplicates);
      this.inc({ outcome: 'ignored' }, st.ignored);
      this.inc({ outcome: 'dead_lettered' }, st.deadLettered);
    },
  });
  new Gauge({
    name: 'kafka_consumer_lag',
    help: 'Records behind the end of each consumed partition, as of its last batch',
    labelNames: ['group', 'topic', 'partition'],
    registers,
    collect() {
      this.reset();
      for (const l of s.bus.lag()) this.set({ group: l.group, topic: l.topic, partition: String(l.partition) }, l.lag);
    },
  });
  new Gauge({
    name: 'dead_letters_pending',
    help: 'Records in the dead-letter store awaiting replay or discard, by message type',
    labelNames: ['type'],
    registers,
    async collect() {
      this.reset();
      for (const d of (await snapshot()).deadLetters) this.set({ type: d.type }, d.n);
    },
  });
  if (s.scheduler) schedulerGauge(registers, snapshot);
}

/** pg-boss' jobs by queue and state: created, retry, active, completed, failed (kept for its retention). */
function schedulerGauge(registers: ProcessMetrics['registry'][], snapshot: () => Promise<StoreSnapshot>): void {
  new Gauge({
    name: 'scheduler_jobs',
    help: 'Scheduled jobs by queue and state (pg-boss): a growing retry or failed count is a check that keeps failing',
    labelNames: ['queue', 'state'],
    registers,
    async collect() {
      this.reset();
      for (const j of (await snapshot()).jobs) this.set({ queue: j.queue, state: j.state }, j.n);
    },
  });
}

/** A counter that shows a running tally kept elsewhere. */
function tally(m: ProcessMetrics, name: string, help: string, value: () => number): void {
  new Counter({
    name,
    help,
    registers: [m.registry],
    collect() {
      this.reset();
      this.inc(value());
    },
  });
}

async function storeSnapshot(orm: MikroORM, scheduler: boolean): Promise<StoreSnapshot> {
  const conn = orm.em.getConnection();
  const [o] = (await conn.execute(
    `select count(*) as backlog, extract(epoch from now() - min(created_at)) as age
       from outbox_message where published_at is null`,
  )) as Array<{ backlog: string; age: string | null }>;
  const dl = (await conn.execute(
    `select coalesce(type, 'unreadable') as type, count(*) as n from dead_letter where status = 'PENDING' group by 1`,
  )) as Array<{ type: string; n: string }>;
  const jobs = scheduler
    ? ((await conn.execute(
        `select name as queue, state::text as state, count(*) as n from pgboss.job group by 1, 2`,
      )) as Array<{ queue: string; state: string; n: string }>)
    : [];
  return {
    jobs: jobs.map((j) => ({ queue: j.queue, state: j.state, n: Number(j.n) })),
    backlog: Number(o?.backlog ?? 0),
    oldestAgeSeconds: Number(o?.age ?? 0),
    deadLetters: dl.map((r) => ({ type: r.type, n: Number(r.n) })),
  };
}

/** The gauges of one scrape share one round trip. */
function onePerScrape<T>(load: () => Promise<T>, ttlMs = 500): () => Promise<T> {
  let at = 0;
  let value: Promise<T> | undefined;
  return () => {
    if (!value || Date.now() - at > ttlMs) {
      at = Date.now();
      value = load();
      value.catch(() => (value = undefined));
    }
    return value;
  };
}
