import { Migration } from '@mikro-orm/migrations';
import { addTerritorySql } from '@sc/subgraph-kit';

/** Every ЦЗН case carries the ОКТМО territory whose office serves it (issue 10). */
export class Migration20261130010000Territory extends Migration {
  override async up(): Promise<void> {
    const tables = [
      'job_seeker_registration',
      'employment_plan',
      'training_referral',
      'contract_support',
      'incoming_employment_referral',
      'outgoing_referral',
    ];
    for (const table of tables) for (const sql of addTerritorySql(table)) this.addSql(sql);
  }
}
