import { Migration } from '@mikro-orm/migrations';
import { CALENDAR_DAY_TABLE_V1, RECEIVED_REFERRAL_LIFECYCLE_SQL } from '@sc/subgraph-kit';

/**
 * ЦЗН's copy of an M1 referral gets the lifecycle (issue 13): its type,
 * sender and status (ACCEPTED on receipt; IN_SERVICE for those a
 * registration already links, since the citizen came), the appearance
 * deadline, the result, the return, expiry. Its deadlines are working days,
 * so ЦЗН keeps its copy of the production calendar too, like the others.
 */
export class Migration20261201000000ReferralLifecycle extends Migration {
  override async up(): Promise<void> {
    for (const sql of CALENDAR_DAY_TABLE_V1) this.addSql(sql);
    const add = RECEIVED_REFERRAL_LIFECYCLE_SQL.split(', ').map((c) => `add column ${c}`);
    this.addSql(`alter table incoming_employment_referral
       add column type text not null default 'FOR_EMPLOYMENT_SERVICES',
       add column from_agency text not null default 'SOCIAL_PROTECTION',
       add column status text not null default 'ACCEPTED',
       ${add.join(', ')}`);
    this
      .addSql(`update incoming_employment_referral r set status = 'IN_SERVICE', in_service_at = g.registered_on::timestamptz
       from job_seeker_registration g where g.id = r.registration_id`);
    this.addSql(`create index incoming_employment_referral_status_idx
       on incoming_employment_referral (status, appearance_due_on)`);
  }
}
