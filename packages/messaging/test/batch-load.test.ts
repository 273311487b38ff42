import { EntitySchema, FlushMode } from '@mikro-orm/core';
import { MikroORM, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { NotFoundError } from '@sc/kernel';
import { messagingTestDatabase, query } from '@sc/testing';
import { loadForBatch } from '../src';
import { directConsumer, idMessage } from './batch-fixture';

class Tally {
  id!: string;
  n!: number;
}
const TallySchema = new EntitySchema<Tally>({
  class: Tally,
  tableName: 'load_row',
  properties: { id: { type: 'string', primary: true }, n: { type: 'integer' } },
});

const bump = idMessage('test.load-bump.v1', 'test message: add one to the row `id`');

/**
 * A batch's rows read once and written once (issue 15): a handler changing
 * an existing row (КЦСОН's outgoing referral on its acceptance) loads every
 * row the batch names in one locked query, finds each in the identity map,
 * and with `flush: 'batch'` the ORM writes them in one UPDATE.
 */
describe('rows loaded for a batch on real PostgreSQL', () => {
  let orm: MikroORM;
  let db: string;
  /** What another connection could lock, asked while the batch's first record was being handled. */
  let lockableMeanwhile: string[] | undefined;

  const { consumer, record } = directConsumer({
    orm: () => orm,
    name: 'load',
    message: bump,
    flush: 'batch',
    async handle(id, { em }) {
      await loadForBatch(em, Tally, (b) => (b as { id?: string }).id);
      if (!lockableMeanwhile)
        lockableMeanwhile = (
          await query<{ id: string }>(db, 'select id from load_row order by id for update skip locked')
        ).map((r) => r.id);
      // By key: the identity map's row as it stands, nothing pending written first (the batch's one UPDATE).
      const row = await em.findOne(Tally, { id }, { flushMode: FlushMode.COMMIT });
      if (!row) throw new NotFoundError('Tally', id, 'id');
      row.n += 1;
    },
  });

  const tallies = () => query<{ id: string; n: number }>(db, 'select id, n from load_row order by id');

  beforeAll(async () => {
    let plain: MikroORM;
    ({ db, orm: plain } = await messagingTestDatabase('batchload'));
    await plain.close(true);
    orm = await MikroORM.init({
      driver: PostgreSqlDriver,
      clientUrl: db,
      entities: [TallySchema],
      allowGlobalContext: false,
    });
    await query(db, 'create table load_row (id text primary key, n int not null)');
    // A statement-level trigger counts the UPDATE statements on the table and the rows each changed.
    await query(db, 'create table load_update (id serial, rows int)');
    await query(
      db,
      `create function count_load_update() returns trigger language plpgsql as $$
       begin insert into load_update (rows) select count(*) from new_rows; return null; end $$`,
    );
    await query(
      db,
      `create trigger load_update after update on load_row referencing new table as new_rows
       for each statement execute function count_load_update()`,
    );
  }, 60_000);

  afterAll(async () => {
    await orm?.close(true);
  });

  beforeEach(async () => {
    lockableMeanwhile = undefined;
    await query(db, 'delete from load_row; delete from load_update');
    await query(db, "insert into load_row (id, n) values ('a', 0), ('b', 0), ('c', 0), ('z', 0)");
  });

  it('reads the rows a batch names in one locked query and writes them in one UPDATE', async () => {
    const execute = jest.spyOn(orm.em.getConnection(), 'execute');
    try {
      await consumer().processBatch([record('a'), record('b'), record('a'), record('c')]);
      const reads = execute.mock.calls.filter(([sql]) => /^select .* from "load_row"/.test(String(sql)));
      expect(reads).toHaveLength(1);
      expect(String(reads[0]![0])).toMatch(/ for update$/);
    } finally {
      execute.mockRestore();
    }
    expect(await tallies()).toEqual([
      { id: 'a', n: 2 },
      { id: 'b', n: 1 },
      { id: 'c', n: 1 },
      { id: 'z', n: 0 },
    ]);
    expect(await query(db, 'select rows from load_update')).toEqual([{ rows: 3 }]);
    // While the batch ran, its rows were locked for it; a row it did not name was not.
    expect(lockableMeanwhile).toEqual(['z']);
  });

  it('loads nothing outside a batch: a record handled alone reads and writes its own row', async () => {
    await consumer().process(record('b'));
    expect(await tallies()).toEqual([
      { id: 'a', n: 0 },
      { id: 'b', n: 1 },
      { id: 'c', n: 0 },
      { id: 'z', n: 0 },
    ]);
    // Nothing was locked ahead: the handler's own read comes after the probe.
    expect(lockableMeanwhile).toEqual(['a', 'b', 'c', 'z']);
  });
});
