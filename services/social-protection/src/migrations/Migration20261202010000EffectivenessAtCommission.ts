import { Migration } from '@mikro-orm/migrations';

/**
 * The commission concludes on effectiveness at a meeting (issue 16, item 1;
 * seed 000 step 7): a meeting's agenda takes the contracts whose term is over,
 * and its minutes the conclusions, each with the figures it was computed from.
 */
export class Migration20261202010000EffectivenessAtCommission extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table commission_meeting
      add column evaluation_agenda jsonb not null default '[]',
      add column conclusions jsonb not null default '[]'`);
  }
}
