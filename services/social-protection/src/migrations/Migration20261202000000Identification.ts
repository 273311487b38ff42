import { Migration } from '@mikro-orm/migrations';

/**
 * Межведомственное выявление (issue 16, item 7; seed 003): each application
 * records who identified the citizen. Applications opened from a referral were
 * identified by the sending agency; the others are taken as the citizen's own.
 */
export class Migration20261202000000Identification extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table sc_application
      add column identification_source text not null default 'SELF_REFERRAL',
      add column identification_organisation text`);
    this.addSql(`update sc_application set identification_source = case channel
        when 'REFERRAL_FROM_EMPLOYMENT' then 'EMPLOYMENT_CENTRE'
        when 'REFERRAL_FROM_SOCIAL_SERVICE' then 'SOCIAL_SERVICE_INSTITUTION' end
      where channel in ('REFERRAL_FROM_EMPLOYMENT', 'REFERRAL_FROM_SOCIAL_SERVICE')`);
  }
}
