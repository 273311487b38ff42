import { parseIsoDate, ValidationError, type IsoDate } from '@sc/kernel';

/** Акт материально-бытового обследования условий проживания, with the interview (собеседование). */
export interface HomeSurveyAct {
  surveyDate: IsoDate;
  address: string;
  livingConditions: string;
  propertyFindings?: string | null;
  interviewNotes: string;
  conclusion: string;
  surveyedBy: string;
  recordedAt: string;
}

export type HomeSurveyInput = Omit<HomeSurveyAct, 'surveyedBy' | 'recordedAt'>;

export function validateHomeSurvey(i: HomeSurveyInput, registeredOn: IsoDate, today: IsoDate): HomeSurveyInput {
  parseIsoDate(i.surveyDate, 'input.surveyDate');
  if (i.surveyDate > today)
    throw new ValidationError('input.surveyDate', 'NOT_IN_FUTURE', 'the survey cannot be dated in the future');
  if (i.surveyDate < registeredOn)
    throw new ValidationError(
      'input.surveyDate',
      'DATE_ORDER',
      `the survey cannot precede the application (${registeredOn})`,
    );
  for (const f of ['address', 'livingConditions', 'interviewNotes', 'conclusion'] as const) {
    if (!i[f]?.trim()) throw new ValidationError(`input.${f}`, 'REQUIRED', 'must not be empty');
    if (i[f].length > 10_000)
      throw new ValidationError(`input.${f}`, 'MAX_LENGTH', 'must be at most 10 000 characters');
  }
  return i;
}
