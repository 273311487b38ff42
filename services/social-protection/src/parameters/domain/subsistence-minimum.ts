import { ValidationError } from '@sc/kernel';

/** Территориальная зона ПМ (DOMAIN.md §7). */
export const TERRITORIAL_ZONES = ['WHOLE_REGION', 'FAR_NORTH', 'OTHER_AREAS'] as const;
export type TerritorialZone = (typeof TERRITORIAL_ZONES)[number];

/** Прожиточный минимум of a region, zone and year, in kopecks per month. */
export interface SubsistenceMinimum {
  region: string;
  year: number;
  zone: TerritorialZone;
  perCapita: number;
  workingAge: number;
  pensioner?: number | null;
  child?: number | null;
}

/** The ПМ as stored: the figures and who set them when. */
export class SubsistenceMinimumRecord implements SubsistenceMinimum {
  region!: string;
  year!: number;
  zone!: TerritorialZone;
  perCapita!: number;
  workingAge!: number;
  pensioner?: number | null;
  child?: number | null;
  changedBy!: string;
  changedAt!: Date;
}

export function validateSubsistenceMinimum(m: SubsistenceMinimum): SubsistenceMinimum {
  if (m.year < 2000 || m.year > 2100)
    throw new ValidationError('input.year', 'RANGE', 'year must be between 2000 and 2100');
  for (const f of ['perCapita', 'workingAge', 'pensioner', 'child'] as const) {
    const v = m[f];
    if (v === null || v === undefined) continue;
    if (!Number.isInteger(v) || v <= 0 || v > 100_000_000)
      throw new ValidationError(
        `input.${f}Kopecks`,
        'AMOUNT_RANGE',
        'must be a positive whole number of kopecks up to 1 000 000 ₽',
      );
  }
  return m;
}

/**
 * The ПМ of a region, zone and year. Missing, it is refused naming the field
 * whose date chose the year: only the 2025–2026 values are seeded, so from
 * 1 January 2027 every means test and contract waits for an ADMIN to enter
 * the new ПМ (setSubsistenceMinimum).
 */
export function pickSubsistenceMinimum(
  rows: readonly SubsistenceMinimum[],
  region: string,
  zone: TerritorialZone,
  year: number,
  field = 'year',
): SubsistenceMinimum {
  const m = rows.find((r) => r.region === region && r.zone === zone && r.year === year);
  if (!m)
    throw new ValidationError(
      field,
      'SUBSISTENCE_MINIMUM_MISSING',
      `no прожиточный минимум of ${year} for region ${region} (${zone}): an ADMIN enters it first (setSubsistenceMinimum)`,
      { year, region, zone },
    );
  return m;
}

/** Irkutsk (ОКТМО 25) values, DOMAIN.md §7 [C L15]; kopecks. Pensioner and child values were not in the sources. */
export const IRKUTSK_SUBSISTENCE_MINIMA: readonly SubsistenceMinimum[] = [
  { region: '25', year: 2025, zone: 'WHOLE_REGION', perCapita: 1_879_700, workingAge: 2_048_900 },
  { region: '25', year: 2025, zone: 'FAR_NORTH', perCapita: 2_285_700, workingAge: 2_491_500 },
  { region: '25', year: 2025, zone: 'OTHER_AREAS', perCapita: 1_757_500, workingAge: 1_915_700 },
  { region: '25', year: 2026, zone: 'WHOLE_REGION', perCapita: 2_007_500, workingAge: 2_188_200 },
  { region: '25', year: 2026, zone: 'FAR_NORTH', perCapita: 2_441_100, workingAge: 2_660_900 },
  { region: '25', year: 2026, zone: 'OTHER_AREAS', perCapita: 1_877_000, workingAge: 2_046_000 },
];
