import { Migration } from '@mikro-orm/migrations';

/**
 * Accompaniment programmes with their content (issue 16, item 3): the family
 * profile the target group was checked on, goals with results, the
 * «Социальный лифт» track (institution, prison service, stage dates). Cases
 * opened before keep an empty goal list; a «Социальный лифт» case's track
 * starts from its application date and current stage.
 */
export class Migration20261203010000AccompanimentContent extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table accompaniment_case add column family jsonb');
    this.addSql(`alter table accompaniment_case add column goals jsonb not null default '[]'`);
    this.addSql('alter table accompaniment_case add column social_lift jsonb');
    this.addSql(`update accompaniment_case
      set social_lift = jsonb_build_object(
        'institution', 'не указано (случай открыт до учёта этапов)',
        'prisonServiceContact', null,
        'expectedReleaseOn', applied_on,
        'releasedOn', null,
        'stages', jsonb_build_array(jsonb_build_object('stage', social_lift_stage, 'startedOn', applied_on, 'note', null)))
      where programme = 'SOCIAL_LIFT'`);
  }
}
