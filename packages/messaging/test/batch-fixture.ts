import type { MikroORM } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { defineMessage, TOPICS } from '@sc/contracts';
import { createLogger } from '@sc/runtime';
import {
  handler,
  InboxConsumer,
  newEnvelope,
  Outbox,
  toRecord,
  type HandlerContext,
  type IncomingRecord,
  type KafkaBus,
} from '../src';

/** A test message that names one row by `id` (what the batch tests' handlers look up, make or change). */
export const idMessage = (type: string, description: string) =>
  defineMessage({
    type,
    topic: TOPICS.citizens,
    description,
    schema: z.object({ id: z.string() }).strict(),
    examples: [{ id: 'a' }],
  });

/**
 * A consumer whose `processBatch` / `process` a test calls directly (no
 * bus), one attempt, batches of up to 100, with one handler of `message`;
 * and the records to give it, numbered on.
 */
export function directConsumer(o: {
  orm: () => MikroORM;
  name: string;
  message: ReturnType<typeof idMessage>;
  flush?: 'record' | 'batch';
  handle: (id: string, ctx: HandlerContext) => Promise<void>;
}) {
  const log = createLogger(`${o.name}-test`, process.env.LOG_LEVEL ?? 'silent');
  let offset = 0;
  return {
    consumer: () =>
      new InboxConsumer({
        name: `${o.name}-${offset}`,
        orm: o.orm(),
        bus: {} as KafkaBus,
        outbox: new Outbox('SOCIAL_SERVICE', 'l.'),
        logger: log,
        maxAttempts: 1,
        backoff: { initialMs: 5, maxMs: 10, factor: 2 },
        batchSize: 100,
        handlers: [handler({ message: o.message, flush: o.flush, handle: (d, ctx) => o.handle(d.id, ctx) })],
      }),
    record: (id: string): IncomingRecord => ({
      ...toRecord('l.citizens', newEnvelope(o.message.type, 'SOCIAL_PROTECTION', id, { id })),
      partition: 0,
      offset: String(offset++),
    }),
  };
}
