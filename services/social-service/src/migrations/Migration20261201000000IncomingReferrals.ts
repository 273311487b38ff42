import { Migration } from '@mikro-orm/migrations';
import { RECEIVED_REFERRAL_LIFECYCLE_SQL } from '@sc/subgraph-kit';

/**
 * КЦСОН receives referrals too (issue 13, seed 000): ЦСПН's for urgent
 * services and accompaniment, each with the urgent case opened for it.
 */
export class Migration20261201000000IncomingReferrals extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table incoming_referral (
       id uuid primary key,
       citizen_id uuid not null references citizen (id) on update cascade,
       territory char(8) not null,
       type text not null,
       from_agency text not null,
       sender_case_id uuid not null,
       basis text not null,
       comment text,
       needs jsonb not null,
       status text not null,
       received_at timestamptz not null,
       urgent_case_id uuid references urgent_service_case (id),
       ${RECEIVED_REFERRAL_LIFECYCLE_SQL}
     )`);
    this.addSql('create index incoming_referral_case_idx on incoming_referral (urgent_case_id)');
    this.addSql('create index incoming_referral_territory_idx on incoming_referral (territory, received_at desc)');
  }
}
