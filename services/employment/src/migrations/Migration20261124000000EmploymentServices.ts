import { Migration } from '@mikro-orm/migrations';
import { REGIONAL_PARAMETER_TABLE_V1 } from '@sc/subgraph-kit';

/** ЦЗН's work (issue 4): registrations, plans, training, contract support, referrals in and out, parameters. */
export class Migration20261124000000EmploymentServices extends Migration {
  override async up(): Promise<void> {
    this.addSql(REGIONAL_PARAMETER_TABLE_V1);
    this.addSql(`create table job_seeker_registration (
      id uuid primary key,
      citizen_id uuid not null references citizen (id) on update cascade,
      status text not null,
      channel text not null,
      referral_id uuid,
      needs jsonb not null,
      education text not null,
      profession text,
      experience_years int not null,
      registered_on date not null,
      registered_by text not null,
      profiling jsonb,
      next_profiling_due date,
      category text,
      offers jsonb not null,
      employment jsonb,
      deregistration_reason text,
      closed_on date,
      version int not null default 1
    )`);
    // Once per citizen at a time, guaranteed by the database too.
    this.addSql(
      `create unique index job_seeker_registration_active_uq on job_seeker_registration (citizen_id) where status in ('JOB_SEEKER', 'UNEMPLOYED')`,
    );
    this.addSql(`create table employment_plan (
      id uuid primary key,
      registration_id uuid not null references job_seeker_registration (id),
      citizen_id uuid not null references citizen (id) on update cascade,
      status text not null,
      steps jsonb not null,
      agreed_on date,
      drafted_by text not null,
      version int not null default 1
    )`);
    this.addSql('create index employment_plan_registration_idx on employment_plan (registration_id)');
    this.addSql(`create table training_referral (
      id uuid primary key,
      citizen_id uuid not null references citizen (id) on update cascade,
      registration_id uuid not null references job_seeker_registration (id),
      contract_id uuid,
      psa_activity_id uuid,
      programme text not null,
      provider text not null,
      start_date date not null,
      end_date date not null,
      cost_kopecks int not null,
      cap_kopecks int,
      status text not null,
      started_on date,
      finished_on date,
      certificate text,
      drop_reason text,
      referred_by text not null,
      referred_on date not null,
      version int not null default 1
    )`);
    this.addSql('create index training_referral_citizen_idx on training_referral (citizen_id)');
    this.addSql(`create table contract_support (
      id uuid primary key,
      citizen_id uuid not null references citizen (id) on update cascade,
      contract_number text not null,
      direction text not null,
      start_date date not null,
      end_date date not null,
      contract_status text not null,
      category text not null,
      full_package_requested boolean not null,
      petition_accepted_on date,
      training_needed boolean not null,
      training_cap_kopecks int not null,
      activities jsonb not null,
      services jsonb not null,
      received_at timestamptz not null,
      version int not null default 1
    )`);
    this.addSql('create index contract_support_citizen_idx on contract_support (citizen_id, received_at desc)');
    this.addSql(`create table incoming_employment_referral (
      id uuid primary key,
      citizen_id uuid not null references citizen (id) on update cascade,
      sender_case_id uuid not null,
      needs jsonb not null,
      proposed_direction text,
      received_at timestamptz not null,
      registration_id uuid references job_seeker_registration (id)
    )`);
    this.addSql(`create table outgoing_referral (
      id uuid primary key,
      citizen_id uuid not null references citizen (id) on update cascade,
      registration_id uuid not null references job_seeker_registration (id),
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
