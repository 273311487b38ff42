import { Migration } from '@mikro-orm/migrations';
import { COMMISSION_INVITATION_SQL } from '@sc/subgraph-kit';

/** Приглашения на МВК received from ЦСПН (M7), listed for ЦЗН's members. */
export class Migration20261130030000CommissionInvitations extends Migration {
  override async up(): Promise<void> {
    for (const sql of COMMISSION_INVITATION_SQL) this.addSql(sql);
  }
}
