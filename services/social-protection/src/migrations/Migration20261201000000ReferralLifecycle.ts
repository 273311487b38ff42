import { Migration } from '@mikro-orm/migrations';
import { outgoingReferralTableSql, RECEIVED_REFERRAL_LIFECYCLE_SQL } from '@sc/subgraph-kit';

/**
 * The referral lifecycle at ЦСПН (issue 13). As receiver (M4): the
 * citizen's appearance, the result, the return, expiry. As sender: its own
 * copy of the referrals it sends — M1 to ЦЗН (until now only an id on the
 * application) and urgent services and accompaniment to КЦСОН. The M1
 * referrals already sent become rows, ACCEPTED as ЦЗН answered every one
 * on receipt (its replies were not kept then).
 */
export class Migration20261201000000ReferralLifecycle extends Migration {
  override async up(): Promise<void> {
    const add = RECEIVED_REFERRAL_LIFECYCLE_SQL.split(', ').map((c) => `add column ${c}`);
    this.addSql(`alter table incoming_referral ${add.join(', ')}`);
    for (const sql of outgoingReferralTableSql('application_id', 'sc_application')) this.addSql(sql);
    this.addSql(`insert into outgoing_referral
       (id, citizen_id, application_id, territory, type, to_agency, basis, status, sent_at, responded_at, created_by)
       select employment_referral_id, citizen_id, id, territory, 'FOR_EMPLOYMENT_SERVICES', 'EMPLOYMENT',
              'LOW_INCOME', 'ACCEPTED', submitted_at, submitted_at, coalesce(assigned_to, 'system:migration')
         from sc_application where employment_referral_id is not null`);
  }
}
