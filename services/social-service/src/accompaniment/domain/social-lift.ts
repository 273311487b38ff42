import { parseIsoDate, ValidationError, type IsoDate } from '@sc/kernel';

/**
 * Этапы «Социального лифта» (seed 001): I «Работа в исправительном
 * учреждении», II «Освобождение», III «Адаптация», IV «Социализация».
 */
export const SOCIAL_LIFT_STAGES = ['IN_INSTITUTION', 'RELEASE', 'ADAPTATION', 'SOCIALISATION'] as const;
export type SocialLiftStage = (typeof SOCIAL_LIFT_STAGES)[number];

/**
 * The interagency side of «Социальный лифт»: the institution of the prison
 * service (ФСИН) where stage I is worked, its officer the КЦСОН works with,
 * the expected and the actual release date, and each stage with the date it
 * began.
 */
export interface SocialLiftTrack {
  institution: string;
  prisonServiceContact?: string | null;
  expectedReleaseOn: IsoDate;
  releasedOn?: IsoDate | null;
  stages: { stage: SocialLiftStage; startedOn: IsoDate; note?: string | null }[];
}

/** Stage I begins when the case opens; the prison service's side is required. */
export function startSocialLift(
  s: Omit<SocialLiftTrack, 'stages' | 'releasedOn'> | null | undefined,
  appliedOn: IsoDate,
): SocialLiftTrack {
  if (!s) throw new ValidationError('input.socialLift', 'REQUIRED', 'name the institution and the expected release');
  const institution = s.institution.trim();
  if (!institution)
    throw new ValidationError('input.socialLift.institution', 'REQUIRED', 'name the correctional institution');
  parseIsoDate(s.expectedReleaseOn, 'input.socialLift.expectedReleaseOn');
  if (s.expectedReleaseOn < appliedOn)
    throw new ValidationError(
      'input.socialLift.expectedReleaseOn',
      'DATE_ORDER',
      'the release follows the application',
    );
  return {
    institution,
    prisonServiceContact: s.prisonServiceContact?.trim() || null,
    expectedReleaseOn: s.expectedReleaseOn,
    releasedOn: null,
    stages: [{ stage: 'IN_INSTITUTION', startedOn: appliedOn, note: null }],
  };
}
