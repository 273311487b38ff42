import { MikroORM, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
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

/** Applies pending migrations; returns the names applied. */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((m) => m.name);
}
