import { Migration } from '@mikro-orm/migrations';

/** Ответственный специалист of a registration: the one who registered it, until a HEAD reassigns it. */
export class Migration20261130020000Assignment extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table job_seeker_registration add column assigned_to text');
    this.addSql('update job_seeker_registration set assigned_to = registered_by');
    this.addSql('create index job_seeker_registration_assignee_idx on job_seeker_registration (assigned_to, status)');
  }
}
