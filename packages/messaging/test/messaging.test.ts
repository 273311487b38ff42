import type { MikroORM } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { defineMessage, TOPICS } from '@sc/contracts';
import { ValidationError } from '@sc/kernel';
import { topicName } from '../src/topics';
import { createLogger } from '@sc/runtime';
import { count, eventually, query, testKafkaBus, uniqueSuffix, messagingTestDatabase } from '@sc/testing';
import {
  handler,
  InboxConsumer,
  listDeadLetters,
  InProcessBus,
  Outbox,
  OutboxRelay,
  replayDeadLetters,
  type KafkaBus,
  type MessageBus,
  type OutgoingRecord,
} from '../src';

const ping = defineMessage({
  type: 'test.ping.v1',
  topic: TOPICS.citizens,
  description: 'test message',
  schema: z
    .object({ key: z.string(), n: z.number().int(), mode: z.enum(['ok', 'reject', 'flaky']).default('ok') })
    .strict(),
  examples: [{ key: 'a', n: 1 }],
});

/** Fails the first `failures` publishes, to show the relay's retry with backoff. The broker behind it is real. */
class FlakyBus implements MessageBus {
  readonly kind = 'kafka' as const;
  calls = 0;
  constructor(
    private readonly inner: MessageBus,
    public failures: number,
  ) {}
  async publish(r: OutgoingRecord[]) {
    this.calls++;
    if (this.failures > 0) {
      this.failures--;
      throw new Error('broker unavailable (injected)');
    }
    return this.inner.publish(r);
  }
  subscribe = (o: Parameters<MessageBus['subscribe']>[0]) => this.inner.subscribe(o);
  ping = () => this.inner.ping();
  lag = () => this.inner.lag();
  close = () => this.inner.close();
}

describe('messaging kit on real PostgreSQL and the Kafka-protocol broker', () => {
  const log = createLogger('messaging-test', process.env.LOG_LEVEL ?? 'silent');
  let orm: MikroORM;
  let db: string;
  let kafka: KafkaBus;
  let bus: FlakyBus;
  let relay: OutboxRelay;
  let outbox: Outbox;
  let consumer: InboxConsumer;
  const seen: Array<{ key: string; n: number }> = [];
  let flakyLeft = 0;
  let rejectNow = true;

  beforeAll(async () => {
    ({ db, orm } = await messagingTestDatabase('msg'));
    kafka = testKafkaBus(`msg-${uniqueSuffix()}`);
    bus = new FlakyBus(kafka, 0);
    relay = new OutboxRelay({
      connectionString: db,
      bus,
      logger: log,
      batchSize: 100,
      idlePollMs: 200,
      standbyPollMs: 200,
      backoff: { initialMs: 20, maxMs: 200, factor: 2 },
      retentionMs: 3600_000,
    });
    outbox = new Outbox('SOCIAL_SERVICE', `m${uniqueSuffix()}.`, () => relay.kick());
    consumer = new InboxConsumer({
      name: 'test-consumer',
      orm,
      bus: kafka,
      outbox,
      logger: log,
      maxAttempts: 4,
      backoff: { initialMs: 10, maxMs: 50, factor: 2 },
      handlers: [
        handler({
          message: ping,
          async handle(d) {
            if (d.mode === 'reject' && rejectNow) throw new ValidationError('n', 'TEST_RULE', `refused ${d.n}`);
            if (d.mode === 'flaky' && flakyLeft-- > 0) throw new Error('transient failure (injected)');
            seen.push({ key: d.key, n: d.n });
          },
        }),
      ],
    });
    relay.start();
    await consumer.start();
  }, 60_000);

  afterAll(async () => {
    await consumer?.stop();
    await relay?.stop();
    await kafka?.close();
    await orm?.close(true);
  });

  const send = (items: Array<z.input<typeof ping.schema>>) =>
    outbox.transaction(orm.em.fork(), async (em) => {
      for (const i of items) await outbox.enqueue(em, ping, i.key, i);
    });

  it('delivers every message once and in commit order per key', async () => {
    const keys = ['k1', 'k2', 'k3', 'k4', 'k5'];
    let n = 0;
    for (let t = 0; t < 20; t++) await send(keys.map((key) => ({ key, n: n++ })));
    await eventually(async () => seen.length >= 100, 30_000);
    expect(seen).toHaveLength(100);
    for (const k of keys) {
      const ns = seen.filter((s) => s.key === k).map((s) => s.n);
      expect(ns).toEqual([...ns].sort((a, b) => a - b));
      expect(ns).toHaveLength(20);
    }
  });

  it("keeps no broker connection in kafkajs' 1 ms timer loop at rest (the idle fix reaches kafkajs' own queues)", async () => {
    await send([{ key: 'rest', n: 1 }]);
    await eventually(async () => seen.some((s) => s.key === 'rest'));
    const timers = jest.spyOn(global, 'setTimeout');
    try {
      await new Promise((r) => setTimeout(r, 300));
      // kafkajs 2.2.4 as released sets −1 − Date.now() ms (Node makes it 1 ms), a thousand times a second per connection.
      const negative = timers.mock.calls.filter(([, ms]) => typeof ms === 'number' && ms < 0);
      expect(negative).toHaveLength(0);
    } finally {
      timers.mockRestore();
    }
  });

  it('a rolled-back transaction leaves no message behind', async () => {
    await expect(
      outbox.transaction(orm.em.fork(), async (em) => {
        await outbox.enqueue(em, ping, 'rb', { key: 'rb', n: 9999 });
        throw new Error('state change failed');
      }),
    ).rejects.toThrow('state change failed');
    expect(await count(db, 'outbox_message', `key = 'rb'`)).toBe(0);
  });

  it('refuses an invalid outgoing message before anything is written (programmer error)', async () => {
    await expect(send([{ key: 'bad', n: 1.5 }])).rejects.toThrow();
    expect(await count(db, 'outbox_message', `key = 'bad'`)).toBe(0);
  });

  it('retries a batch with backoff while the broker fails, then publishes it without loss', async () => {
    seen.length = 0;
    const failuresBefore = relay.stats.failures;
    bus.failures = 3;
    await send([
      { key: 'f', n: 1 },
      { key: 'f', n: 2 },
    ]);
    await eventually(async () => seen.length >= 2, 30_000);
    expect(relay.stats.failures - failuresBefore).toBe(3);
    expect(seen).toEqual([
      { key: 'f', n: 1 },
      { key: 'f', n: 2 },
    ]);
    const [row] = await query(
      db,
      `select attempts, last_error from outbox_message where key = 'f' order by seq limit 1`,
    );
    expect(row).toMatchObject({ attempts: 3, last_error: expect.stringMatching(/injected/) });
  });

  it('lets only one relay per database publish (advisory lock)', async () => {
    const second = new OutboxRelay({
      connectionString: db,
      bus,
      logger: log,
      batchSize: 10,
      idlePollMs: 50,
      standbyPollMs: 50,
      backoff: { initialMs: 10, maxMs: 50, factor: 2 },
      retentionMs: 1000,
    });
    second.start();
    await new Promise((r) => setTimeout(r, 300));
    expect(relay.isLeader).toBe(true);
    expect(second.isLeader).toBe(false);
    await second.stop();
  });

  it('retries an operational failure in the handler and then handles the message once', async () => {
    seen.length = 0;
    flakyLeft = 2;
    await send([{ key: 'fl', n: 1, mode: 'flaky' }]);
    await eventually(async () => seen.length === 1);
    expect(await count(db, 'inbox_message', `consumer = 'test-consumer'`)).toBeGreaterThan(0);
    expect(await count(db, 'dead_letter', `key = 'fl'`)).toBe(0);
  });

  it('dead-letters a refused message without blocking its key, and replays it once the cause is fixed', async () => {
    seen.length = 0;
    rejectNow = true;
    await send([
      { key: 'dl', n: 1, mode: 'reject' },
      { key: 'dl', n: 2 },
    ]);
    await eventually(async () => seen.some((s) => s.n === 2));
    const [dead] = await listDeadLetters(orm.em.fork());
    expect(dead).toMatchObject({
      consumer: 'test-consumer',
      type: 'test.ping.v1',
      error_code: 'TEST_RULE',
      status: 'PENDING',
      key: 'dl',
    });
    expect(dead!.error).toMatch(/refused 1/);

    rejectNow = false;
    expect(await replayDeadLetters(orm.em.fork(), outbox)).toBe(1);
    await eventually(async () => seen.some((s) => s.n === 1 && s.key === 'dl'));
    expect((await query(db, `select status from dead_letter where id = $1`, [dead!.id]))[0].status).toBe('REPLAYED');
    expect(seen.filter((s) => s.key === 'dl')).toEqual([
      { key: 'dl', n: 2 },
      { key: 'dl', n: 1 },
    ]);
  });

  it('dead-letters a record with NUL bytes, keeping its raw bytes, and moves on to the next record of the key', async () => {
    seen.length = 0;
    const value = '{"specversion":"1.0","data":"a\u0000b"';
    await kafka.publish([
      {
        topic: topicName(outbox.topicPrefix, TOPICS.citizens),
        key: 'poison',
        headers: { ce_id: 'nul\u0000id', ce_type: 'test.ping.v1', 'x-note': 'a\u0000b' },
        value,
      },
    ]);
    await send([{ key: 'poison', n: 7 }]);
    await eventually(async () => seen.some((x) => x.key === 'poison' && x.n === 7));
    const [row] = await query(
      db,
      `select payload, payload_bytes, headers, status from dead_letter where key = 'poison'`,
    );
    expect(row.status).toBe('PENDING');
    expect(Buffer.compare(row.payload_bytes, Buffer.from(value, 'utf8'))).toBe(0);
    expect(row.payload_bytes.includes(0)).toBe(true);
    expect(row.payload).toBe(value.replace('\u0000', '\uFFFD'));
    expect(row.headers['x-note']).toBe('a\uFFFDb');
  });

  it('dead-letters at once, without retries, a valid JSON body whose strings contain U+0000', async () => {
    seen.length = 0;
    await kafka.publish([
      {
        topic: topicName(outbox.topicPrefix, TOPICS.citizens),
        key: 'nul-json',
        headers: {
          ce_id: 'nul-json-1',
          ce_type: 'test.ping.v1',
          ce_source: 'x',
          ce_specversion: '1.0',
          ce_subject: 'nul-json',
          ce_time: new Date().toISOString(),
          'content-type': 'application/json',
        },
        value: JSON.stringify({ key: 'nul\u0000json', n: 1 }),
      },
    ]);
    await send([{ key: 'nul-json', n: 2 }]);
    await eventually(async () => seen.some((x) => x.key === 'nul-json' && x.n === 2));
    const rows = await query(db, `select error_code, attempts from dead_letter where key = 'nul-json'`);
    expect(rows).toEqual([{ error_code: 'CONTROL_CHARACTER', attempts: 1 }]);
  });

  it('a stopping consumer does not wait out the retries of a failing record (it is redelivered later)', async () => {
    const inProcess = new InProcessBus(log);
    let failures = 0;
    const slow = new InboxConsumer({
      name: 'slow-consumer',
      orm,
      bus: inProcess,
      outbox,
      logger: log,
      maxAttempts: 10,
      backoff: { initialMs: 5_000, maxMs: 30_000, factor: 2 },
      handlers: [
        handler({
          message: ping,
          async handle() {
            failures++;
            throw new Error('database unavailable (injected)');
          },
        }),
      ],
    });
    await slow.start();
    const rec = (await query(db, `select topic, key, headers, payload from outbox_message limit 1`))[0];
    await inProcess.publish([{ topic: rec.topic, key: 'slow', headers: rec.headers, value: rec.payload }]);
    await eventually(async () => failures >= 1);
    const t0 = Date.now();
    await slow.stop();
    // Without the abort the next retry alone would be 5 s away, and nine more would follow.
    expect(Date.now() - t0).toBeLessThan(2_000);
    expect(failures).toBe(1);
    await inProcess.close();
  });
});
