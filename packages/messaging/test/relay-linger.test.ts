import type { MikroORM } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { defineMessage, TOPICS } from '@sc/contracts';
import { createLogger } from '@sc/runtime';
import { eventually, messagingTestDatabase } from '@sc/testing';
import { InProcessBus, Outbox, OutboxRelay, topicName, type IncomingRecord } from '../src';

const tick = defineMessage({
  type: 'test.tick.v1',
  topic: TOPICS.citizens,
  description: 'test message',
  schema: z.object({ n: z.number().int() }).strict(),
  examples: [{ n: 1 }],
});

/** The relay's linger (OUTBOX_LINGER_MS): rows committed while it is busy go out together. */
describe('outbox relay linger on real PostgreSQL', () => {
  let orm: MikroORM;
  let db: string;

  beforeAll(async () => {
    ({ db, orm } = await messagingTestDatabase('linger'));
  }, 60_000);
  afterAll(() => orm?.close(true));

  it('publishes the first row after a quiet spell at once, and rows committed during the linger in one batch', async () => {
    const bus = new InProcessBus();
    const got: IncomingRecord[] = [];
    await bus.subscribe({
      groupId: 'g',
      topics: [topicName('l.', TOPICS.citizens)],
      handle: async (r) => void got.push(r),
    });
    const relay = new OutboxRelay({
      connectionString: db,
      bus,
      logger: createLogger('linger-test', 'silent'),
      batchSize: 500,
      lingerMs: 1500,
      idlePollMs: 60_000, // only kicks move it
      standbyPollMs: 100,
      backoff: { initialMs: 20, maxMs: 200, factor: 2 },
      retentionMs: 3600_000,
    });
    const outbox = new Outbox('SOCIAL_SERVICE', 'l.', () => relay.kick());
    const send = (n: number) => outbox.transaction(orm.em.fork(), (em) => outbox.enqueue(em, tick, `c${n}`, { n }));
    relay.start();
    try {
      await eventually(async () => relay.isLeader, 10_000);
      await send(0);
      await eventually(async () => relay.stats.published === 1, 10_000);
      expect(relay.stats.batches).toBe(1);
      for (let n = 1; n <= 20; n++) {
        await send(n); // each its own transaction and kick, 20 ms apart
        await new Promise((r) => setTimeout(r, 20));
      }
      await eventually(async () => relay.stats.published === 21, 10_000);
      // Without the linger each kick would start a batch of its own (about 20).
      expect(relay.stats.batches).toBeLessThanOrEqual(3);
      await eventually(async () => got.length === 21, 10_000);
      const ns = got.map((r) => (JSON.parse(r.value) as { n: number }).n).sort((a, b) => a - b);
      expect(ns).toEqual(Array.from({ length: 21 }, (_, n) => n));
    } finally {
      await relay.stop();
    }
  }, 30_000);
});
