import { Migration } from '@mikro-orm/migrations';
import { MESSAGING_TABLES_V2 } from '@sc/messaging';
import { AUDIT_CHAIN_V2 } from './audit-chain';
import type { MigrationObject } from './orm';
import { STAT_CONTRIBUTION_TYPE_SQL, STAT_COUNTER_TABLE_SQL, STAT_MONTH_REGION_SQL } from './statistics-counters.sql';
import { territoryDirectorySql } from './territories';
import { CITIZEN_SEARCH_SQL } from './citizen-search';
import { STAFF_TABLE_SQL } from './staff-register';
import { WORK_LOG_SQL } from './work-log';
import { NOTIFICATION_SQL } from './notifications';
import { ACCEPTANCE_CLOCK_SQL } from './acceptance-clock';
import { OUTGOING_REFERRAL_LIFECYCLE_SQL } from './columns';

/** V2 of the messaging tables: the dead-letter store keeps each record's raw bytes. */
export class Migration20261130000000DeadLetterBytes extends Migration {
  override async up(): Promise<void> {
    for (const sql of MESSAGING_TABLES_V2) this.addSql(sql);
  }
}

/** V2 of the audit log: the hash chain. */
export class Migration20261130000001AuditChain extends Migration {
  override async up(): Promise<void> {
    for (const sql of AUDIT_CHAIN_V2) this.addSql(sql);
  }
}

/**
 * The territory directory, and the territory of the office that serves each
 * person at this agency. People registered before territories existed were
 * all served in region 25 (the only region this system has run in): they go
 * to its unassigned queue, which region staff hand out to districts.
 */
export class Migration20261130000002Territories extends Migration {
  override async up(): Promise<void> {
    for (const sql of territoryDirectorySql()) this.addSql(sql);
    this.addSql(`alter table citizen add column territory char(8)`);
    this.addSql(`update citizen set territory = '25000000'`);
    this.addSql(`alter table citizen alter column territory set not null`);
  }
}

/** Person search: a normalised name column with a trigram index (pg_trgm). */
export class Migration20261130000003CitizenSearch extends Migration {
  override async up(): Promise<void> {
    for (const sql of CITIZEN_SEARCH_SQL) this.addSql(sql);
  }
}

/** The agency's staff as their tokens vouch for them (assignment, workload). */
export class Migration20261130000004Staff extends Migration {
  override async up(): Promise<void> {
    for (const sql of STAFF_TABLE_SQL) this.addSql(sql);
  }
}

/** Хронометраж: the normed (and actual) time of each case worker's recorded actions. */
export class Migration20261130000005WorkLog extends Migration {
  override async up(): Promise<void> {
    for (const sql of WORK_LOG_SQL) this.addSql(sql);
  }
}

/** Live statistics (issue 11): the counters each service's source triggers keep. */
export class Migration20261130000006Statistics extends Migration {
  override async up(): Promise<void> {
    for (const sql of [...STAT_COUNTER_TABLE_SQL, STAT_CONTRIBUTION_TYPE_SQL]) this.addSql(sql);
  }
}

/**
 * The effects scheduled jobs made (issue 13): one row per job and effect key
 * (a case and its deadline), inserted in the effect's own transaction, so a
 * check that runs again — a retry, a second replica, the acceptance clock
 * moving — makes no effect twice. pg-boss keeps its own schema (`pgboss`),
 * created and upgraded by the library at start.
 */
export class Migration20261130050000ScheduledEffects extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table scheduled_effect (
       job text not null,
       key text not null,
       made_at timestamptz not null default now(),
       primary key (job, key)
     )`);
  }
}

/** Notifications kept for their addressees' lists (sc.notifications.v1 carries them to integrators too). */
export class Migration20261130060000Notifications extends Migration {
  override async up(): Promise<void> {
    for (const sql of NOTIFICATION_SQL) this.addSql(sql);
  }
}

/** The acceptance clock's offset per service (outside production only; the table is empty elsewhere). */
export class Migration20261130070000AcceptanceClock extends Migration {
  override async up(): Promise<void> {
    for (const sql of ACCEPTANCE_CLOCK_SQL) this.addSql(sql);
  }
}

/**
 * The referral lifecycle on the sender's copy (issue 13): deadlines fixed
 * when sent, the citizen's appearance, the result, expiry. Every service
 * sends referrals by now (ЦСПН creates its table the migration before).
 */
export class Migration20261201000001ReferralLifecycle extends Migration {
  override async up(): Promise<void> {
    for (const sql of OUTGOING_REFERRAL_LIFECYCLE_SQL) this.addSql(sql);
  }
}

/** The statistics' months on the region's calendar (issue 13); the counters are recounted at start. */
export class Migration20261201000002RegionMonths extends Migration {
  override async up(): Promise<void> {
    for (const sql of STAT_MONTH_REGION_SQL) this.addSql(sql);
  }
}

/**
 * Migrations of the tables the kit and the messaging package own, added to
 * every service's own list by the kit (ordered by name, i.e. by date), so a
 * change to a shared table is written once, not once per service.
 */
export const PLATFORM_MIGRATIONS: readonly MigrationObject[] = [
  { name: 'Migration20261130000000DeadLetterBytes', class: Migration20261130000000DeadLetterBytes },
  { name: 'Migration20261130000001AuditChain', class: Migration20261130000001AuditChain },
  { name: 'Migration20261130000002Territories', class: Migration20261130000002Territories },
  { name: 'Migration20261130000003CitizenSearch', class: Migration20261130000003CitizenSearch },
  { name: 'Migration20261130000004Staff', class: Migration20261130000004Staff },
  { name: 'Migration20261130000005WorkLog', class: Migration20261130000005WorkLog },
  { name: 'Migration20261130000006Statistics', class: Migration20261130000006Statistics },
  { name: 'Migration20261130050000ScheduledEffects', class: Migration20261130050000ScheduledEffects },
  { name: 'Migration20261130060000Notifications', class: Migration20261130060000Notifications },
  { name: 'Migration20261130070000AcceptanceClock', class: Migration20261130070000AcceptanceClock },
  { name: 'Migration20261201000001ReferralLifecycle', class: Migration20261201000001ReferralLifecycle },
  { name: 'Migration20261201000002RegionMonths', class: Migration20261201000002RegionMonths },
];
