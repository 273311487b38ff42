import { ValidationError } from '@sc/kernel';

/**
 * Межведомственное выявление (seed 003, «Соцконтракт38», stage 1): who found
 * the family — the citizen came on their own, or a municipality, a school or
 * kindergarten, a social-service institution, a ЦЗН, a «Мой бизнес» centre or
 * a non-profit identified them and sent them on.
 */
export const IDENTIFICATION_SOURCES = [
  'SELF_REFERRAL',
  'LOCAL_GOVERNMENT',
  'SCHOOL_OR_KINDERGARTEN',
  'SOCIAL_SERVICE_INSTITUTION',
  'EMPLOYMENT_CENTRE',
  'MY_BUSINESS_CENTRE',
  'NON_PROFIT',
  'OTHER',
] as const;
export type IdentificationSource = (typeof IDENTIFICATION_SOURCES)[number];

export interface Identification {
  source: IdentificationSource;
  /** The organisation that identified the citizen (which school, which «Мой бизнес» office); null when they came on their own. */
  organisation: string | null;
}

const MAX_ORGANISATION = 300;

/** What a referral's channel says: the sending agency identified the citizen. */
export function identificationOfChannel(channel: string): Identification {
  if (channel === 'REFERRAL_FROM_EMPLOYMENT') return { source: 'EMPLOYMENT_CENTRE', organisation: null };
  if (channel === 'REFERRAL_FROM_SOCIAL_SERVICE') return { source: 'SOCIAL_SERVICE_INSTITUTION', organisation: null };
  return { source: 'SELF_REFERRAL', organisation: null };
}

/**
 * The identification a case worker typed: an organisation is named for every
 * source but the citizen's own visit (and only then). Omitted: what the
 * channel implies.
 */
export function validateIdentification(
  i: { source: string; organisation?: string | null } | null | undefined,
  channel: string,
  path: string,
): Identification {
  if (!i) return identificationOfChannel(channel);
  if (!(IDENTIFICATION_SOURCES as readonly string[]).includes(i.source))
    throw new ValidationError(`${path}.source`, 'ONE_OF', `one of ${IDENTIFICATION_SOURCES.join(', ')}`);
  const organisation = i.organisation?.trim() || null;
  if (organisation && organisation.length > MAX_ORGANISATION)
    throw new ValidationError(`${path}.organisation`, 'MAX_LENGTH', `must be at most ${MAX_ORGANISATION} characters`);
  if (i.source === 'SELF_REFERRAL' && organisation)
    throw new ValidationError(
      `${path}.organisation`,
      'NOT_APPLICABLE',
      'a citizen who came on their own names no organisation',
    );
  if (i.source !== 'SELF_REFERRAL' && !organisation)
    throw new ValidationError(`${path}.organisation`, 'REQUIRED', 'name the organisation that identified the citizen');
  return { source: i.source as IdentificationSource, organisation };
}
