import { Migration } from '@mikro-orm/migrations';

/** Ответственный специалист of each КЦСОН case: the one who opened it, until a HEAD reassigns it. */
export class Migration20261130020000Assignment extends Migration {
  override async up(): Promise<void> {
    for (const [table, by] of [
      ['urgent_service_case', 'created_by'],
      ['accompaniment_case', 'opened_by'],
      ['prevention_case', 'opened_by'],
    ]) {
      this.addSql(`alter table ${table} add column assigned_to text`);
      this.addSql(`update ${table} set assigned_to = ${by}`);
      this.addSql(`create index ${table}_assignee_idx on ${table} (assigned_to, status)`);
    }
  }
}
