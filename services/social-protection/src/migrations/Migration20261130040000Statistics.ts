import { Migration } from '@mikro-orm/migrations';
import { statisticsMigrationSql } from '@sc/subgraph-kit';
import { SOCIAL_PROTECTION_STAT_SOURCES } from '../statistics/adapters/statistics.sql';

/** ЦСПН's live statistics (issue 11): the contribution functions and triggers, and the counters of what exists. */
export class Migration20261130040000Statistics extends Migration {
  override async up(): Promise<void> {
    for (const sql of statisticsMigrationSql(SOCIAL_PROTECTION_STAT_SOURCES)) this.addSql(sql);
  }
}
