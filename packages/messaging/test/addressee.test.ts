import type { MikroORM } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { defineMessage, RECIPIENT_HEADER, TOPICS } from '@sc/contracts';
import { createLogger } from '@sc/runtime';
import { messagingTestDatabase, query } from '@sc/testing';
import {
  execInTx,
  handler,
  InboxConsumer,
  newEnvelope,
  Outbox,
  toRecord,
  type IncomingRecord,
  type KafkaBus,
  type Outcome,
} from '../src';

const agency = z.enum(['SOCIAL_PROTECTION', 'EMPLOYMENT', 'SOCIAL_SERVICE']);
const addressed = defineMessage({
  type: 'test.addressed.v1',
  topic: TOPICS.referrals,
  addressee: 'toAgency',
  description: 'test message addressed to one agency',
  schema: z.object({ n: z.number().int(), toAgency: agency }).strict(),
  examples: [{ n: 1, toAgency: 'SOCIAL_SERVICE' }],
});

/**
 * Messages addressed to one agency (issue 15: most records on the referrals
 * topic are someone else's): the producer names the addressee in
 * `ce_recipient`, and a consumer passes over another agency's records, and
 * types it has no handler for, without parsing their bodies — proved here by
 * bodies that are not even JSON, which a parse would dead-letter.
 */
describe('addressed messages on real PostgreSQL', () => {
  const log = createLogger('addressee-test', process.env.LOG_LEVEL ?? 'silent');
  let orm: MikroORM;
  let db: string;
  let offset = 0;
  const outcomes: Outcome[] = [];
  const outbox = new Outbox('SOCIAL_SERVICE', 'a.');

  const consumer = () =>
    new InboxConsumer({
      name: 'addressee',
      orm,
      bus: {} as KafkaBus, // records are handed over directly
      outbox,
      logger: log,
      maxAttempts: 2,
      backoff: { initialMs: 5, maxMs: 10, factor: 2 },
      batchSize: 10,
      onOutcome: (o) => outcomes.push(o),
      handlers: [
        handler({
          message: addressed,
          handle: (d, { em }) => execInTx(em, 'insert into addressed_effect (n) values (?)', [d.n]),
        }),
      ],
    });

  /** A record as another agency's producer stages it, then as it arrives. */
  const staged = async (data: { n: number; toAgency: string }, type = addressed.type) => {
    const producer = new Outbox('SOCIAL_PROTECTION', 'a.');
    const em = orm.em.fork();
    await em.transactional((tx) => producer.enqueue(tx, addressed, `c${data.n}`, data as never));
    const [row] = await query<{ headers: Record<string, string>; payload: string; key: string }>(
      db,
      'select headers, payload, key from outbox_message order by seq desc limit 1',
    );
    const rec: IncomingRecord = {
      topic: 'a.referrals',
      partition: 0,
      offset: String(offset++),
      key: row!.key,
      headers: { ...row!.headers, ce_type: type },
      value: row!.payload,
    };
    return rec;
  };
  /** The same record with its body spoilt: only a consumer that parses it would notice. */
  const unreadable = (r: IncomingRecord): IncomingRecord => ({ ...r, value: '{not json', offset: String(offset++) });
  const effects = async () =>
    (await query<{ n: number }>(db, 'select n from addressed_effect order by n')).map((r) => r.n);
  const deadLetters = async () =>
    Number((await query<{ c: string }>(db, `select count(*) c from dead_letter where consumer = 'addressee'`))[0]!.c);

  beforeAll(async () => {
    ({ db, orm } = await messagingTestDatabase('addressee'));
    await query(db, 'create table addressed_effect (n int primary key)');
  }, 60_000);

  afterAll(async () => {
    await orm?.close(true);
  });

  beforeEach(() => outcomes.splice(0));

  it('the producer copies the addressee into the ce_recipient header', async () => {
    const r = await staged({ n: 1, toAgency: 'EMPLOYMENT' });
    expect(r.headers[RECIPIENT_HEADER]).toBe('EMPLOYMENT');
    const plain = toRecord('a.referrals', newEnvelope('test.other.v1', 'SOCIAL_PROTECTION', 'c', {}));
    expect(plain.headers[RECIPIENT_HEADER]).toBeUndefined();
  });

  it('passes over another agency’s record unread, and handles its own', async () => {
    const c = consumer();
    const theirs = unreadable(await staged({ n: 2, toAgency: 'EMPLOYMENT' }));
    expect(await c.process(theirs)).toBe('ignored');
    expect(await c.process(await staged({ n: 3, toAgency: 'SOCIAL_SERVICE' }))).toBe('handled');
    expect(await effects()).toEqual([3]);
    expect(await deadLetters()).toBe(0);
  });

  it('passes over a type it has no handler for unread', async () => {
    const other = unreadable(await staged({ n: 4, toAgency: 'SOCIAL_SERVICE' }, 'test.not-mine.v1'));
    expect(await consumer().process(other)).toBe('ignored');
    expect(await deadLetters()).toBe(0);
  });

  it('without the header (an older producer) reads the body and still passes over another agency’s record', async () => {
    const c = consumer();
    const r = await staged({ n: 5, toAgency: 'EMPLOYMENT' });
    delete r.headers[RECIPIENT_HEADER];
    expect(await c.process(r)).toBe('ignored');
    // The body decides when header and body disagree.
    const lying = await staged({ n: 6, toAgency: 'EMPLOYMENT' });
    lying.headers[RECIPIENT_HEADER] = 'SOCIAL_SERVICE';
    expect(await c.process(lying)).toBe('ignored');
    expect(await effects()).toEqual([3]);
  });

  it('in a batch handles only its own records, once, and still dead-letters its own unreadable one', async () => {
    const c = consumer();
    const mine = await staged({ n: 7, toAgency: 'SOCIAL_SERVICE' });
    const batch = [
      unreadable(await staged({ n: 8, toAgency: 'EMPLOYMENT' })),
      mine,
      await staged({ n: 9, toAgency: 'SOCIAL_SERVICE' }),
      unreadable(await staged({ n: 10, toAgency: 'SOCIAL_SERVICE' })),
    ];
    await c.processBatch(batch);
    expect(await effects()).toEqual([3, 7, 9]);
    expect(outcomes.sort()).toEqual(['dead-lettered', 'handled', 'handled', 'ignored']);
    expect(await deadLetters()).toBe(1);
  });
});
