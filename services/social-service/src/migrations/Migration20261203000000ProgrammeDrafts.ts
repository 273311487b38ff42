import { Migration } from '@mikro-orm/migrations';
import { PROGRAMME_DRAFT_SQL } from '@sc/subgraph-kit';

/** Проекты ПСА на согласовании, received from ЦСПН (M7, drafting), with КЦСОН's answers. */
export class Migration20261203000000ProgrammeDrafts extends Migration {
  override async up(): Promise<void> {
    for (const sql of PROGRAMME_DRAFT_SQL) this.addSql(sql);
  }
}
