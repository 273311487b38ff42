import { Migration } from '@mikro-orm/migrations';
import { MESSAGING_TABLES_V2 } from '@sc/messaging';
import { AUDIT_CHAIN_V2 } from './audit-chain';
import type { MigrationObject } from './orm';

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
 * Migrations of the tables the kit and the messaging package own, added to
 * every service's own list by the kit (ordered by name, i.e. by date), so a
 * change to a shared table is written once, not once per service.
 */
export const PLATFORM_MIGRATIONS: readonly MigrationObject[] = [
  { name: 'Migration20261130000000DeadLetterBytes', class: Migration20261130000000DeadLetterBytes },
  { name: 'Migration20261130000001AuditChain', class: Migration20261130000001AuditChain },
];
