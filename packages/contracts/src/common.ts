import { z } from 'zod';
import { AGENCIES, isValidSnils, normalizeSnils } from '@sc/kernel';

export const agency = z
  .enum(AGENCIES)
  .describe('Agency: SOCIAL_PROTECTION (ЦСПН), EMPLOYMENT (ЦЗН), SOCIAL_SERVICE (КЦСОН), MINISTRY');
export const uuid = z.uuid();
export const citizenId = z.uuid().describe('Federation key of the citizen (never the raw СНИЛС)');
export const territory = z
  .string()
  .regex(/^\d{8}$/)
  .describe(
    'ОКТМО (8 digits) of the district or city okrug whose office serves the citizen; the receiver opens its case there. Absent from older senders: the receiver keeps the territory it knows, else the region queue.',
  );
export const isoDate = z.iso.date().describe('Calendar date, YYYY-MM-DD');
export const isoDateTime = z.iso.datetime({ offset: true }).describe('Instant, RFC 3339');
export const snils = z
  .string()
  // The pattern is what the check in code normalises (11 digits, spaces and dashes anywhere), so JSON Schema
  // and code agree; the check number (DOMAIN.md §6) is beyond a pattern and is checked in code only.
  .regex(/^[\s-]*(?:\d[\s-]*){11}$/, { message: 'СНИЛС must have 11 digits' })
  .refine(isValidSnils, { message: 'СНИЛС check number does not match (DOMAIN.md §6)' })
  .transform(normalizeSnils)
  .describe(
    'СНИЛС: 11 digits, as 112-233-445 95 or 11223344595; its check number (DOMAIN.md §6) is validated by every consumer',
  );

/** Анкета о потребностях: the needs questionnaire shared by all three agencies (seed 000). */
export const needsQuestionnaire = z
  .object({
    socialHelp: z.boolean().describe('социальная помощь'),
    psychologicalSupport: z.boolean().describe('психологическая поддержка'),
    employmentHelp: z.boolean().describe('содействие в трудоустройстве'),
    vocationalTraining: z.boolean().describe('профессиональное обучение'),
    financialLiteracy: z.boolean().describe('обучение финансовой грамотности'),
    comment: z.string().max(2000).optional(),
  })
  .strict();
export type NeedsQuestionnaire = z.infer<typeof needsQuestionnaire>;

/** Personal data that travels with a referral so the receiver can open a case. */
export const personData = z
  .object({
    snils: snils.optional(),
    lastName: z.string().min(1).max(100),
    firstName: z.string().min(1).max(100),
    middleName: z.string().max(100).optional(),
    birthDate: isoDate,
    phone: z.string().max(40).optional(),
    address: z.string().max(500).optional(),
  })
  .strict();
export type PersonData = z.infer<typeof personData>;

/**
 * Cross-field rule of a message: `later` is on or after `earlier` (ISO dates
 * compare as strings). Reported on the later field's path. JSON Schema cannot
 * say this; it is checked in code and listed in the message's description.
 */
export function dateOrder(
  ctx: { addIssue(i: { code: 'custom'; path: (string | number)[]; message: string }): void },
  path: (string | number)[],
  later: string | undefined,
  earlier: string | undefined,
  rule: string,
): void {
  if (later !== undefined && earlier !== undefined && later < earlier)
    ctx.addIssue({ code: 'custom', path, message: rule });
}
