import { Migration } from '@mikro-orm/migrations';
import { statisticsMigrationSql } from '@sc/subgraph-kit';
import { SOCIAL_SERVICE_STAT_SOURCES } from '../statistics/adapters/statistics.sql';

/** КЦСОН's live statistics (issue 11): the contribution functions and triggers, and the counters of what exists. */
export class Migration20261130040000Statistics extends Migration {
  override async up(): Promise<void> {
    for (const sql of statisticsMigrationSql(SOCIAL_SERVICE_STAT_SOURCES)) this.addSql(sql);
  }
}
