import { Migration } from '@mikro-orm/migrations';

/**
 * Невыполнение условий контракта as one chain (issue 16, item 6): a case per
 * missed activity or report, its links in order; a report's deadline moved on
 * a good cause is kept on the contract.
 */
export class Migration20261202020000NonFulfilment extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table non_fulfilment (
      id uuid primary key,
      contract_id uuid not null references social_contract (id),
      citizen_id uuid not null references citizen (id) on update cascade,
      territory char(8) not null,
      breach text not null,
      activity_id uuid,
      report_period text,
      missed_due_date date not null,
      links jsonb not null,
      opened_at timestamptz not null,
      version integer not null default 1
    )`);
    this.addSql('create index non_fulfilment_contract_idx on non_fulfilment (contract_id)');
    this.addSql(`alter table social_contract add column report_deadline_extensions jsonb not null default '{}'`);
  }
}
