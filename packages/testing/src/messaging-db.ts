import { MikroORM, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { MESSAGING_TABLES_V1, MESSAGING_TABLES_V2 } from '@sc/messaging';
import { createTestDatabase } from './helpers';

/** A fresh database with only the messaging tables (outbox, inbox, dead letters), for tests of the messaging kit. */
export async function messagingTestDatabase(prefix: string): Promise<{ db: string; orm: MikroORM }> {
  const db = await createTestDatabase(prefix);
  const orm = await MikroORM.init({
    driver: PostgreSqlDriver,
    clientUrl: db,
    entities: [],
    discovery: { warnWhenNoEntities: false },
    allowGlobalContext: false,
  });
  for (const sql of [...MESSAGING_TABLES_V1, ...MESSAGING_TABLES_V2]) await orm.em.getConnection().execute(sql);
  return { db, orm };
}
