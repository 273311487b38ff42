import { ValidationError } from './errors';

/**
 * СНИЛС (страховой номер индивидуального лицевого счёта): 11 digits,
 * displayed as `XXX-XXX-XXX YY`. Check number rules: DOMAIN.md §6.
 */
export const SNILS_UNCHECKED_MAX = 1_001_998;

export function normalizeSnils(raw: string): string {
  return raw.replace(/[\s-]/g, '');
}

export function snilsCheckNumber(first9: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(first9[i]) * (9 - i);
  if (sum < 100) return sum;
  if (sum === 100 || sum === 101) return 0;
  const r = sum % 101;
  return r === 100 ? 0 : r;
}

export type SnilsProblem = 'SNILS_FORMAT' | 'SNILS_CHECKSUM';

export function checkSnils(raw: string): SnilsProblem | null {
  const s = normalizeSnils(raw);
  if (!/^\d{11}$/.test(s)) return 'SNILS_FORMAT';
  const body = s.slice(0, 9);
  // Numbers up to 001-001-998 were issued before the checksum existed.
  if (Number(body) <= SNILS_UNCHECKED_MAX) return null;
  return snilsCheckNumber(body) === Number(s.slice(9)) ? null : 'SNILS_CHECKSUM';
}

export const isValidSnils = (raw: string): boolean => checkSnils(raw) === null;

/** Validates and returns the normalised 11 digits, or throws naming the field. */
export function parseSnils(raw: string, field = 'snils'): string {
  const problem = checkSnils(raw);
  if (problem === 'SNILS_FORMAT') throw new ValidationError(field, problem, 'СНИЛС must have exactly 11 digits');
  if (problem === 'SNILS_CHECKSUM') throw new ValidationError(field, problem, 'СНИЛС check number does not match');
  return normalizeSnils(raw);
}

export function formatSnils(s: string): string {
  return `${s.slice(0, 3)}-${s.slice(3, 6)}-${s.slice(6, 9)} ${s.slice(9)}`;
}

/** What other screens may show: the check digits only. */
export function maskSnils(s: string): string {
  return `***-***-*** ${s.slice(9)}`;
}
