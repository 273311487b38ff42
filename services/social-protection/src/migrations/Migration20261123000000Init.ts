import { Migration } from '@mikro-orm/migrations';
import { MESSAGING_TABLES_V1 } from '@sc/messaging';
import { PLATFORM_TABLES_V1 } from '@sc/subgraph-kit';

export class Migration20261123000000Init extends Migration {
  override async up(): Promise<void> {
    for (const sql of [...PLATFORM_TABLES_V1, ...MESSAGING_TABLES_V1]) this.addSql(sql);
    this.addSql(`create table sc_application (
      id uuid primary key,
      citizen_id uuid not null references citizen (id) on update cascade,
      status text not null,
      channel text not null,
      needs jsonb not null,
      submitted_at timestamptz not null,
      registered_at timestamptz
    )`);
    this.addSql('create index sc_application_citizen_idx on sc_application (citizen_id, submitted_at desc)');
    this.addSql(`create table incoming_referral (
      id uuid primary key,
      citizen_id uuid not null references citizen (id) on update cascade,
      type text not null,
      from_agency text not null,
      sender_case_id uuid not null,
      basis text not null,
      comment text,
      needs jsonb not null,
      status text not null,
      received_at timestamptz not null,
      application_id uuid references sc_application (id)
    )`);
    this.addSql('create index incoming_referral_citizen_idx on incoming_referral (citizen_id)');
    this.addSql('create index incoming_referral_status_idx on incoming_referral (status, received_at desc)');
    this.addSql('create index incoming_referral_application_idx on incoming_referral (application_id)');
  }
}
