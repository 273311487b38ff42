import { Migration } from '@mikro-orm/migrations';
import { MESSAGING_TABLES_V1 } from '@sc/messaging';
import { PLATFORM_TABLES_V1 } from '@sc/subgraph-kit';

export class Migration20261123000000Init extends Migration {
  override async up(): Promise<void> {
    for (const sql of [...PLATFORM_TABLES_V1, ...MESSAGING_TABLES_V1]) this.addSql(sql);
    this.addSql(`create table service_application (
      id uuid primary key,
      citizen_id uuid not null references citizen (id) on update cascade,
      status text not null,
      needs jsonb not null,
      circumstances jsonb not null,
      submitted_at timestamptz not null,
      registered_by text not null
    )`);
    this.addSql('create index service_application_citizen_idx on service_application (citizen_id, submitted_at desc)');
    this.addSql(`create table outgoing_referral (
      id uuid primary key,
      citizen_id uuid not null references citizen (id) on update cascade,
      application_id uuid not null references service_application (id),
      type text not null,
      to_agency text not null,
      basis text not null,
      comment text,
      status text not null,
      sent_at timestamptz not null,
      responded_at timestamptz,
      receiver_case_id uuid,
      return_reason text,
      created_by text not null
    )`);
    this.addSql('create index outgoing_referral_citizen_idx on outgoing_referral (citizen_id, sent_at desc)');
  }
}
