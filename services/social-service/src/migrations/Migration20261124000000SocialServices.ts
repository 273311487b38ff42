import { Migration } from '@mikro-orm/migrations';
import { CALENDAR_DAY_TABLE_V1, REGIONAL_PARAMETER_TABLE_V1 } from '@sc/subgraph-kit';
import { URGENT_SERVICE_CATALOGUE } from '../urgent/domain/urgent-service-type';

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** КЦСОН's work (issue 5): urgent services and acts, accompaniment and ИППСУ, prevention, parameters, calendar. */
export class Migration20261124000000SocialServices extends Migration {
  override async up(): Promise<void> {
    this.addSql(REGIONAL_PARAMETER_TABLE_V1);
    for (const sql of CALENDAR_DAY_TABLE_V1) this.addSql(sql);
    this.addSql(
      `create table urgent_service_type (code text primary key, name text not null, source text not null, unit text not null, anonymous_allowed boolean not null, active boolean not null)`,
    );
    for (const t of URGENT_SERVICE_CATALOGUE) {
      this.addSql(
        `insert into urgent_service_type (code, name, source, unit, anonymous_allowed, active) values (${q(t.code)}, ${q(t.name)}, ${q(t.source)}, ${q(t.unit)}, ${t.anonymousAllowed}, true)`,
      );
    }
    this.addSql(`create table urgent_service_case (
      id uuid primary key,
      citizen_id uuid references citizen (id) on update cascade,
      anonymous boolean not null,
      channel text not null,
      notified_by text,
      contract_id uuid,
      identity_document text,
      circumstances text not null,
      status text not null,
      requested_at timestamptz not null,
      decided_at timestamptz,
      refusal_reason text,
      deliveries jsonb not null,
      act_id uuid,
      unsigned_reason text,
      follow_up jsonb,
      created_by text not null,
      version int not null default 1,
      check (anonymous or citizen_id is not null)
    )`);
    this.addSql('create index urgent_service_case_citizen_idx on urgent_service_case (citizen_id, requested_at desc)');
    this.addSql(
      'create unique index urgent_service_case_contract_uq on urgent_service_case (contract_id) where contract_id is not null',
    );
    this.addSql(`create table urgent_service_act (
      id uuid primary key,
      case_id uuid not null unique references urgent_service_case (id),
      citizen_id uuid references citizen (id) on update cascade,
      number text not null unique,
      content jsonb not null,
      content_hash text not null,
      signed_at timestamptz,
      signer_name text,
      signature_sha256 text,
      signature_image bytea,
      unsigned boolean not null
    )`);
    this.addSql('create sequence urgent_service_act_number_seq');
    // A signed act is immutable, whatever writes to the table: the database refuses to change or delete it.
    this.addSql(`create function urgent_service_act_immutable() returns trigger language plpgsql as $$
      begin
        if old.signed_at is not null then
          raise exception 'urgent service act % is signed and cannot be altered', old.number using errcode = 'check_violation';
        end if;
        return case when tg_op = 'DELETE' then old else new end;
      end $$`);
    this.addSql(
      `create trigger urgent_service_act_immutable before update or delete on urgent_service_act for each row execute function urgent_service_act_immutable()`,
    );
    this.addSql(`create table accompaniment_case (
      id uuid primary key,
      citizen_id uuid not null references citizen (id) on update cascade,
      contract_id uuid,
      contract_end_date date,
      service_until date,
      programme text not null,
      grounds jsonb not null,
      evidence jsonb not null,
      status text not null,
      applied_on date not null,
      need_decision_due date not null,
      programme_due date not null,
      need_decided_on date,
      not_recognised_reason text,
      individual_programme jsonb,
      service_contract_signed_on date,
      measures jsonb not null,
      activities jsonb not null,
      social_lift_stage text,
      closed_on date,
      closure_reason text,
      opened_by text not null,
      version int not null default 1
    )`);
    // One accompaniment case per social contract, however often M5 is delivered.
    this.addSql(
      'create unique index accompaniment_case_contract_uq on accompaniment_case (contract_id) where contract_id is not null',
    );
    this.addSql('create index accompaniment_case_citizen_idx on accompaniment_case (citizen_id)');
    this.addSql(`create table prevention_case (
      id uuid primary key,
      citizen_id uuid not null references citizen (id) on update cascade,
      subject text not null,
      source text not null,
      source_details text not null,
      facts text not null,
      address text,
      status text not null,
      signal_on date not null,
      check_due date not null,
      check_findings text,
      registration jsonb,
      curator text,
      measures jsonb not null,
      next_review_due date,
      administrative_measures boolean not null,
      deregistration jsonb,
      history jsonb not null,
      opened_by text not null,
      version int not null default 1
    )`);
    this.addSql('create index prevention_case_citizen_idx on prevention_case (citizen_id)');
  }
}
