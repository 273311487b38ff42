import { Migration } from '@mikro-orm/migrations';

/**
 * Согласование проекта ПСА (issue 16, item 2): each draft is a revision that
 * ЦЗН, КЦСОН and the citizen agree before the commission. A programme drafted
 * before this migration is revision 1 with no agreement asked; a draft among
 * them is sent for agreement by redrafting it.
 */
export class Migration20261203000000ProgrammeAgreement extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table adaptation_programme add column revision integer not null default 1');
    this.addSql(`alter table adaptation_programme add column agreements jsonb not null default '[]'`);
  }
}
