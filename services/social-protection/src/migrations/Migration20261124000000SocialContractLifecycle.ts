import { Migration } from '@mikro-orm/migrations';
import { CALENDAR_DAY_TABLE_V1, REGIONAL_PARAMETER_TABLE_V1 } from '@sc/subgraph-kit';
import { IRKUTSK_SUBSISTENCE_MINIMA } from '../parameters/domain/subsistence-minimum';

/** The social-contract lifecycle (issue 3): means test, ПСА, МВК, contracts, reports, visits, partner events, regional data. */
export class Migration20261124000000SocialContractLifecycle extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table sc_application
      add column region text not null default '25',
      add column zone text not null default 'WHOLE_REGION',
      add column registered_by text,
      add column assigned_to text,
      add column proposed_direction text,
      add column household jsonb not null default '[]',
      add column documents jsonb not null default '[]',
      add column means_test jsonb,
      add column home_survey jsonb,
      add column decision_due_date date,
      add column extra_check_due_date date,
      add column decided_at timestamptz,
      add column rejection_reason text,
      add column employment_referral_id uuid,
      add column version int not null default 1`);
    this.addSql('create index sc_application_assignee_idx on sc_application (assigned_to, status)');
    this.addSql(`create table adaptation_programme (
      id uuid primary key,
      application_id uuid not null references sc_application (id),
      citizen_id uuid not null references citizen (id) on update cascade,
      status text not null,
      direction text not null,
      term_months int not null,
      planned_start date not null,
      planned_end date not null,
      activities jsonb not null,
      business_plan jsonb,
      hardship_payment_mode text,
      hardship_lump_sum_kopecks int,
      commission_reasons text,
      drafted_by text not null,
      updated_at timestamptz not null,
      version int not null default 1
    )`);
    this.addSql('create unique index adaptation_programme_application_uq on adaptation_programme (application_id)');
    this.addSql('create index adaptation_programme_status_idx on adaptation_programme (status)');
    this.addSql(`create table commission_meeting (
      id uuid primary key,
      region text not null,
      meeting_date date not null,
      place text,
      status text not null,
      members jsonb not null,
      agenda jsonb not null,
      decisions jsonb not null,
      attended jsonb not null,
      minutes text,
      held_at timestamptz,
      scheduled_by text not null,
      version int not null default 1
    )`);
    this.addSql('create index commission_meeting_date_idx on commission_meeting (region, meeting_date desc)');
    this.addSql('create sequence social_contract_number_seq');
    this.addSql(`create table social_contract (
      id uuid primary key,
      number text not null unique,
      citizen_id uuid not null references citizen (id) on update cascade,
      application_id uuid not null unique references sc_application (id),
      programme_id uuid not null references adaptation_programme (id),
      direction text not null,
      status text not null,
      region text not null,
      zone text not null,
      signed_on date not null,
      start_date date not null,
      end_date date not null,
      original_end_date date not null,
      term_months int not null,
      assigned_to text,
      activities jsonb not null,
      payments jsonb not null,
      pm_year int not null,
      pm_working_age_kopecks int not null,
      monthly_payment_kopecks int,
      per_capita_income_before_kopecks int not null,
      employment jsonb,
      amendments jsonb not null,
      extension jsonb,
      review_reason text,
      termination jsonb,
      repayment jsonb,
      evaluation jsonb,
      post_monitoring jsonb,
      concluded_at timestamptz not null,
      status_changed_at timestamptz not null,
      version int not null default 1
    )`);
    this.addSql('create index social_contract_citizen_idx on social_contract (citizen_id, concluded_at desc)');
    this.addSql('create index social_contract_assignee_idx on social_contract (assigned_to, status)');
    this.addSql(`create table monthly_report (
      id uuid primary key,
      contract_id uuid not null references social_contract (id),
      citizen_id uuid not null references citizen (id) on update cascade,
      period text not null,
      submitted_on date not null,
      status text not null,
      activity_progress jsonb not null,
      spending jsonb not null,
      income_changes jsonb not null,
      partner_notes jsonb not null,
      review_note text,
      reviewed_by text,
      recorded_by text not null,
      unique (contract_id, period)
    )`);
    this.addSql(`create table control_visit (
      id uuid primary key,
      contract_id uuid not null references social_contract (id),
      citizen_id uuid not null references citizen (id) on update cascade,
      period text not null,
      visit_date date not null,
      visited_by text not null,
      findings text not null,
      next_steps text,
      spending_confirmed boolean not null
    )`);
    this.addSql('create index control_visit_contract_idx on control_visit (contract_id, visit_date)');
    this.addSql(`create table partner_event (
      id text primary key,
      citizen_id uuid not null references citizen (id) on update cascade,
      contract_id uuid references social_contract (id),
      agency text not null,
      kind text not null,
      occurred_on date not null,
      activity_id uuid,
      description text not null,
      effect text,
      payload jsonb not null,
      received_at timestamptz not null
    )`);
    this.addSql('create index partner_event_contract_idx on partner_event (contract_id, occurred_on)');
    this.addSql('create index partner_event_citizen_idx on partner_event (citizen_id, occurred_on)');
    this.addSql(REGIONAL_PARAMETER_TABLE_V1);
    this.addSql(`create table subsistence_minimum (
      region text not null,
      year int not null,
      zone text not null,
      per_capita_kopecks int not null,
      working_age_kopecks int not null,
      pensioner_kopecks int,
      child_kopecks int,
      changed_by text not null,
      changed_at timestamptz not null default now(),
      primary key (region, year, zone)
    )`);
    for (const sql of CALENDAR_DAY_TABLE_V1) this.addSql(sql);
    // Seeds: Irkutsk ПМ 2025–2026 and the ЕП exclusion as a dated parameter (February 2025, DOMAIN.md §2.1).
    for (const m of IRKUTSK_SUBSISTENCE_MINIMA) {
      this.addSql(
        `insert into subsistence_minimum (region, year, zone, per_capita_kopecks, working_age_kopecks, changed_by) values ('${m.region}', ${m.year}, '${m.zone}', ${m.perCapita}, ${m.workingAge}, 'seed')`,
      );
    }
    this.addSql(
      `insert into regional_parameter (region, code, valid_from, value, changed_by) values ('25', 'EXCLUDE_UNIFIED_CHILD_ALLOWANCE', '2024-01-01', 0, 'seed'), ('25', 'EXCLUDE_UNIFIED_CHILD_ALLOWANCE', '2025-02-01', 1, 'seed')`,
    );
  }
}
