import { Migration } from '@mikro-orm/migrations';

/**
 * An urgent case closed without a signature always has its act, which records
 * why it is unsigned (issue 16, item 4). Cases closed unsigned before this
 * change keep the reason on the case; their acts, where drawn up, take it over.
 */
export class Migration20261202000000UnsignedAct extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table urgent_service_act add column unsigned_reason text`);
    this.addSql(`update urgent_service_act a set unsigned = true, unsigned_reason = c.unsigned_reason
                   from urgent_service_case c
                  where c.id = a.case_id and c.status in ('ACT_UNSIGNED', 'CLOSED')
                    and c.unsigned_reason is not null and a.signed_at is null`);
  }
}
