import { Migration } from '@mikro-orm/migrations';
import { MESSAGING_TABLES_V1 } from '@sc/messaging';
import { PLATFORM_TABLES_V1 } from '@sc/subgraph-kit';

export class Migration20261123000000Init extends Migration {
  override async up(): Promise<void> {
    for (const sql of [...PLATFORM_TABLES_V1, ...MESSAGING_TABLES_V1]) this.addSql(sql);
  }
}
