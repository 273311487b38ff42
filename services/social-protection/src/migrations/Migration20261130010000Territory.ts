import { Migration } from '@mikro-orm/migrations';
import { addTerritorySql } from '@sc/subgraph-kit';

/** Every ЦСПН case carries the ОКТМО territory whose office serves it (issue 10). */
export class Migration20261130010000Territory extends Migration {
  override async up(): Promise<void> {
    for (const table of ['sc_application', 'incoming_referral', 'adaptation_programme', 'social_contract'])
      for (const sql of addTerritorySql(table)) this.addSql(sql);
    for (const sql of addTerritorySql('commission_meeting', false)) this.addSql(sql);
  }
}
