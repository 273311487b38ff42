import { Migration } from '@mikro-orm/migrations';
import { statisticsMigrationSql } from '@sc/subgraph-kit';
import { EMPLOYMENT_STAT_SOURCES } from '../statistics/adapters/statistics.sql';

/** ЦЗН's live statistics (issue 11): the contribution functions and triggers, and the counters of what exists. */
export class Migration20261130040000Statistics extends Migration {
  override async up(): Promise<void> {
    for (const sql of statisticsMigrationSql(EMPLOYMENT_STAT_SOURCES)) this.addSql(sql);
  }
}
