import { Migration } from '@mikro-orm/migrations';
import { addTerritorySql } from '@sc/subgraph-kit';

/** Every КЦСОН case carries the ОКТМО territory whose office serves it (issue 10). */
export class Migration20261130010000Territory extends Migration {
  override async up(): Promise<void> {
    for (const table of ['service_application', 'prevention_case', 'accompaniment_case', 'outgoing_referral'])
      for (const sql of addTerritorySql(table)) this.addSql(sql);
    // An anonymous urgent case has no person: it goes to the region queue like any case without one.
    for (const sql of addTerritorySql('urgent_service_case')) this.addSql(sql);
  }
}
