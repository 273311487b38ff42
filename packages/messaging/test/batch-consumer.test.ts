import type { MikroORM } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { defineMessage, TOPICS } from '@sc/contracts';
import { ValidationError } from '@sc/kernel';
import { createLogger } from '@sc/runtime';
import { eventually, messagingTestDatabase, query, testKafkaBus, uniqueSuffix } from '@sc/testing';
import {
  execInTx,
  handler,
  InboxConsumer,
  newEnvelope,
  Outbox,
  OutboxRelay,
  toRecord,
  type IncomingRecord,
  type KafkaBus,
  type Outcome,
} from '../src';

const ping = defineMessage({
  type: 'test.batch-ping.v1',
  topic: TOPICS.citizens,
  description: 'test message',
  schema: z
    .object({
      key: z.string(),
      n: z.number().int(),
      reject: z.boolean().default(false),
      echo: z.number().int().default(0),
    })
    .strict(),
  examples: [{ key: 'a', n: 1 }],
});

/**
 * Records of one partition handled together (issue 15): one transaction and
 * one inbox insert for the batch, the same exactly-once effects and order as
 * one at a time. The handler's effect is a row written in the consumer's
 * transaction, with the transaction's id, so a rolled-back batch leaves none.
 */
describe('batch consumer on real PostgreSQL', () => {
  const log = createLogger('batch-test', process.env.LOG_LEVEL ?? 'silent');
  let orm: MikroORM;
  let db: string;
  const outcomes: Outcome[] = [];
  let offset = 0;

  const consumerFor = (o: { name: string; batchSize: number; bus?: KafkaBus; outbox?: Outbox; observed?: boolean }) =>
    new InboxConsumer({
      name: o.name,
      orm,
      bus: o.bus ?? ({} as KafkaBus), // processBatch is called directly where no bus is given
      outbox: o.outbox ?? new Outbox('SOCIAL_SERVICE', 'b.'),
      logger: log,
      maxAttempts: 2,
      backoff: { initialMs: 5, maxMs: 10, factor: 2 },
      batchSize: o.batchSize,
      onOutcome: o.observed === false ? undefined : (out) => outcomes.push(out),
      handlers: [
        handler({
          message: ping,
          async handle(d, { em, outbox }) {
            // `echo` messages staged in the outbox, as a handler announcing its change does.
            for (let i = 0; i < d.echo; i++) await outbox.enqueue(em, ping, d.key, { key: d.key, n: d.n * 100 + i });
            if (d.reject) throw new ValidationError('n', 'TEST_RULE', `refused ${d.n}`);
            await execInTx(em, 'insert into ping_effect (consumer, key, n, tx) values (?, ?, ?, txid_current())', [
              o.name,
              d.key,
              d.n,
            ]);
          },
        }),
      ],
    });

  const record = (key: string, n: number, reject = false, echo = 0): IncomingRecord => ({
    ...toRecord('b.citizens', newEnvelope(ping.type, 'SOCIAL_PROTECTION', key, { key, n, reject, echo })),
    partition: 0,
    offset: String(offset++),
  });
  const effects = (consumer: string) =>
    query<{ key: string; n: number; tx: string }>(
      db,
      'select key, n, tx::text from ping_effect where consumer = $1 order by id',
      [consumer],
    );

  beforeAll(async () => {
    ({ db, orm } = await messagingTestDatabase('batch'));
    await query(
      db,
      'create table ping_effect (id bigserial primary key, consumer text, key text, n int, tx bigint not null)',
    );
  }, 60_000);

  afterAll(async () => {
    await orm?.close(true);
  });

  beforeEach(() => outcomes.splice(0));

  it('handles a batch in one transaction with one inbox row per record, and a redelivered batch has no second effect', async () => {
    const c = consumerFor({ name: 'together', batchSize: 50 });
    const recs = Array.from({ length: 20 }, (_, n) => record(`k${n % 3}`, n));
    await c.processBatch(recs);
    const done = await effects('together');
    expect(done.map((e) => e.n)).toEqual(Array.from({ length: 20 }, (_, n) => n));
    expect(new Set(done.map((e) => e.tx)).size).toBe(1);
    const inbox = await query<{ n: string }>(db, `select count(*) n from inbox_message where consumer = 'together'`);
    expect(Number(inbox[0]!.n)).toBe(20);
    expect(outcomes).toEqual(Array(20).fill('handled'));

    outcomes.splice(0);
    await c.processBatch(recs);
    expect(await effects('together')).toHaveLength(20);
    expect(outcomes).toEqual(Array(20).fill('duplicate'));
  });

  it('counts each outcome of a batch in its stats (the metrics) with no observer attached', async () => {
    const c = consumerFor({ name: 'unobserved', batchSize: 50, observed: false });
    const [a, b] = [record('k', 1), record('k', 2)];
    await c.processBatch([a, b, { ...a, offset: String(offset++) }]);
    expect(c.stats).toEqual({ handled: 2, duplicates: 1, ignored: 0, deadLettered: 0 });
  });

  it('a record delivered twice within one batch is handled once', async () => {
    const c = consumerFor({ name: 'twice', batchSize: 50 });
    const [a, b] = [record('k', 1), record('k', 2)];
    await c.processBatch([a, b, { ...a, offset: String(offset++) }]);
    expect((await effects('twice')).map((e) => e.n)).toEqual([1, 2]);
    expect(outcomes).toEqual(['handled', 'handled', 'duplicate']);
  });

  it('a refused record costs its batch a second pass one at a time: the others handled in order, it dead-lettered, nothing twice', async () => {
    const c = consumerFor({ name: 'refused', batchSize: 50 });
    const recs = Array.from({ length: 10 }, (_, n) => record('k', n, n === 5));
    await c.processBatch(recs);
    const done = await effects('refused');
    expect(done.map((e) => e.n)).toEqual([0, 1, 2, 3, 4, 6, 7, 8, 9]);
    expect(new Set(done.map((e) => e.tx)).size).toBe(9); // each in its own transaction after the batch failed
    const dead = await query<{ error_code: string }>(
      db,
      `select error_code from dead_letter where consumer = 'refused'`,
    );
    expect(dead.map((d) => d.error_code)).toEqual(['TEST_RULE']);
    expect(outcomes.filter((o) => o === 'handled')).toHaveLength(9);
    expect(outcomes.filter((o) => o === 'dead-lettered')).toHaveLength(1);
  });

  it('handles the ready records together and dead-letters a malformed one in the same batch', async () => {
    const c = consumerFor({ name: 'mixed', batchSize: 50 });
    const bad = { ...record('k', 99), value: '{not json', offset: String(offset++) };
    await c.processBatch([record('k', 1), bad, record('k', 2)]);
    const done = await effects('mixed');
    expect(done.map((e) => e.n)).toEqual([1, 2]);
    expect(new Set(done.map((e) => e.tx)).size).toBe(1);
    const dead = await query<{ error_code: string }>(db, `select error_code from dead_letter where consumer = 'mixed'`);
    expect(dead).toHaveLength(1);
    expect(outcomes.sort()).toEqual(['dead-lettered', 'handled', 'handled']);
  });

  it('writes the outbox messages a batch stages with one INSERT at its end, in order; a failed batch leaves none of its own', async () => {
    // A statement-level trigger counts the INSERT statements on the outbox and their rows.
    await query(db, 'create table outbox_insert (id serial, rows int, key text)');
    await query(
      db,
      `create function count_outbox_insert() returns trigger language plpgsql as $$
       begin insert into outbox_insert (rows, key) select count(*), min(key) from new_rows; return null; end $$`,
    );
    await query(
      db,
      `create trigger outbox_insert after insert on outbox_message referencing new table as new_rows
       for each statement execute function count_outbox_insert()`,
    );
    const staged = (prefix: string) =>
      query<{ key: string; n: number }>(
        db,
        `select key, (payload::jsonb ->> 'n')::int as n from outbox_message where key like $1 and type <> 'dead-letter' order by seq`,
        [`${prefix}%`],
      );
    const inserts = (prefix: string) =>
      query<{ rows: number }>(db, 'select rows from outbox_insert where key like $1 order by id', [`${prefix}%`]);

    const c = consumerFor({ name: 'gathered', batchSize: 50 });
    await c.processBatch(Array.from({ length: 20 }, (_, n) => record(`g${n % 4}`, n, false, 2)));
    expect((await staged('g')).map((m) => m.n)).toEqual(
      Array.from({ length: 20 }, (_, n) => [n * 100, n * 100 + 1]).flat(),
    );
    expect(await inserts('g')).toEqual([{ rows: 40 }]);

    // One refused record: the batch's gathered rows roll back with it; one at a time each writes its own at once.
    const r = consumerFor({ name: 'gathered-refused', batchSize: 50 });
    await r.processBatch(Array.from({ length: 6 }, (_, n) => record(`h${n}`, n, n === 3, 1)));
    expect((await staged('h')).map((m) => m.n)).toEqual([0, 100, 200, 400, 500]);
    expect((await inserts('h')).map((i) => i.rows)).toEqual([1, 1, 1, 1, 1, 1]); // five messages and the dead letter's copy
  });

  it('through the Kafka-protocol broker: a backlog is handled in batches, every message once and in order per key', async () => {
    const kafka = testKafkaBus(`batch-${uniqueSuffix()}`);
    const relay = new OutboxRelay({
      connectionString: db,
      bus: kafka,
      logger: log,
      batchSize: 500,
      idlePollMs: 100,
      standbyPollMs: 100,
      backoff: { initialMs: 20, maxMs: 200, factor: 2 },
      retentionMs: 3600_000,
    });
    const outbox = new Outbox('SOCIAL_SERVICE', `bk${uniqueSuffix()}.`, () => relay.kick());
    const keys = ['k1', 'k2', 'k3', 'k4', 'k5', 'k6'];
    let n = 0;
    for (let t = 0; t < 50; t++)
      await outbox.transaction(orm.em.fork(), async (em) => {
        for (const key of keys) await outbox.enqueue(em, ping, key, { key, n: n++ });
      });
    relay.start(); // the backlog (300 messages) is on the broker before the consumer starts
    await eventually(async () => relay.stats.published >= 300, 30_000);
    const c = consumerFor({ name: 'kafka-batch', batchSize: 50, bus: kafka, outbox });
    try {
      await c.start();
      await eventually(async () => (await effects('kafka-batch')).length >= 300, 60_000);
      const done = await effects('kafka-batch');
      expect(done).toHaveLength(300);
      for (const key of keys) {
        const mine = done.filter((e) => e.key === key).map((e) => e.n);
        expect(mine).toEqual([...mine].sort((a, b) => a - b));
        expect(new Set(mine).size).toBe(50);
      }
      expect(new Set(done.map((e) => e.tx)).size).toBeLessThan(300 / 2); // several records per transaction
    } finally {
      await c.stop();
      await relay.stop();
      await kafka.close();
    }
  }, 90_000);
});
