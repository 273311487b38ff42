import { MikroORM, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { Client } from 'pg';
import type { EntitySchema } from '@mikro-orm/core';
import type { Logger } from '@sc/runtime';
import { CitizenRecordSchema } from './citizen-directory';

export type MigrationObject = { name: string; class: new (...args: any[]) => any };

export interface OrmOptions {
  databaseUrl: string;
  entities: EntitySchema<any, any>[];
  migrations: MigrationObject[];
  poolMax: number;
  logger: Logger;
}

/** MikroORM over the service's own database; committed migrations only, never schema sync. */
export async function initOrm(o: OrmOptions): Promise<MikroORM> {
  return MikroORM.init({
    driver: PostgreSqlDriver,
    clientUrl: o.databaseUrl,
    entities: [CitizenRecordSchema, ...o.entities],
    extensions: [Migrator],
    migrations: {
      migrationsList: o.migrations,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      // true would need superuser (session_replication_role); our migrations order their DDL instead.
      disableForeignKeys: false,
    },
    pool: { min: 0, max: o.poolMax },
    allowGlobalContext: false,
    forceUtcTimezone: true,
    discovery: { warnWhenNoEntities: false },
    logger: (m) => o.logger.debug(m),
  });
}

/** Any fixed key: one advisory lock per database serialises migrations. */
const MIGRATION_LOCK = 7_301_120_001;

/**
 * Applies pending migrations; returns the names applied. Replicas starting
 * together (a Kubernetes rollout, the init containers of three pods) take
 * turns on a PostgreSQL advisory lock: the first applies, the others find
 * nothing left to do.
 */
export async function migrate(orm: MikroORM, databaseUrl: string): Promise<string[]> {
  const lock = new Client({ connectionString: databaseUrl });
  await lock.connect();
  try {
    await lock.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await orm.getMigrator().up();
    return applied.map((m) => m.name);
  } finally {
    await lock.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.end();
  }
}
