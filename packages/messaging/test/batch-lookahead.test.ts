import type { MikroORM } from '@mikro-orm/postgresql';
import { messagingTestDatabase, query } from '@sc/testing';
import { execInTx, knownAbsent } from '../src';
import { directConsumer, idMessage } from './batch-fixture';

const made = idMessage('test.lookahead-made.v1', 'test message: make the row `id` unless it exists');

/**
 * A batch's lookahead (issue 15): what each record would look up on its own
 * ("does this row exist yet?") is looked up once for the whole batch, and
 * the answers are those the records would have got one at a time.
 */
describe('batch lookahead on real PostgreSQL', () => {
  let orm: MikroORM;
  let db: string;
  /** Each handled record's id and whether the batch knew it absent. */
  const answers: [string, boolean][] = [];

  const { consumer, record } = directConsumer({
    orm: () => orm,
    name: 'lookahead',
    message: made,
    async handle(id, { em }) {
      const absent = await knownAbsent(em, 'lookahead_row', id, (b) => (b as { id?: string }).id);
      answers.push([id, absent]);
      // What a handler does with the answer: look for real unless the batch knows.
      const exists =
        !absent && (await execInTx<unknown[]>(em, 'select 1 from lookahead_row where id = ?', [id])).length > 0;
      if (!exists) await execInTx(em, 'insert into lookahead_row (id) values (?)', [id], 'run');
    },
  });
  const rows = async () =>
    (await query<{ id: string }>(db, 'select id from lookahead_row order by id')).map((r) => r.id);

  beforeAll(async () => {
    ({ db, orm } = await messagingTestDatabase('lookahead'));
    await query(db, 'create table lookahead_row (id text primary key)');
  }, 60_000);

  afterAll(async () => {
    await orm?.close(true);
  });

  beforeEach(async () => {
    answers.splice(0);
    await query(db, 'delete from lookahead_row');
  });

  it('answers absent for new ids from one lookup for the batch; present and repeated ids are looked up for real', async () => {
    await query(db, "insert into lookahead_row (id) values ('old')");
    const execute = jest.spyOn(orm.em.getConnection(), 'execute');
    try {
      await consumer().processBatch([record('a'), record('old'), record('b'), record('a')]);
      const lookups = execute.mock.calls.filter(([sql]) => String(sql).startsWith('select id from lookahead_row'));
      expect(lookups).toHaveLength(1);
      expect(lookups[0]![1]).toEqual(['a', 'old', 'b']); // every id the batch carries, once
    } finally {
      execute.mockRestore();
    }
    // 'a' a second time: the first made it, so the batch no longer knows it absent.
    expect(answers).toEqual([
      ['a', true],
      ['old', false],
      ['b', true],
      ['a', false],
    ]);
    expect(await rows()).toEqual(['a', 'b', 'old']);
  });

  it('knows nothing outside a batch: a record handled alone looks up for itself', async () => {
    await consumer().process(record('c'));
    expect(answers).toEqual([['c', false]]);
    expect(await rows()).toEqual(['c']);
  });

  it('a row another transaction made after the lookahead fails the batch on its key, and the records are handled one at a time', async () => {
    const c = consumer();
    let raced = false;
    // Right after the batch's lookahead, the same row is committed elsewhere (a person registered at the counter).
    const conn = orm.em.getConnection();
    const original = conn.execute.bind(conn);
    const spy = jest.spyOn(conn, 'execute').mockImplementation(async (...args: Parameters<typeof conn.execute>) => {
      const out = await original(...args);
      if (!raced && String(args[0]).startsWith('select id from lookahead_row')) {
        raced = true;
        await query(db, "insert into lookahead_row (id) values ('d')");
      }
      return out;
    });
    try {
      await c.processBatch([record('d'), record('e')]);
    } finally {
      spy.mockRestore();
    }
    expect(raced).toBe(true);
    // The batch said 'd' was absent and failed inserting it; then each record alone: 'd' found, 'e' made.
    expect(answers).toEqual([
      ['d', true],
      ['d', false],
      ['e', false],
    ]);
    expect(await rows()).toEqual(['d', 'e']);
  });
});
