import { ValidationError } from './errors';

/** ИНН check digits (DOMAIN.md §6): 10 digits for an organisation, 12 for a person. */
const W10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const W11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const W12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

const checkDigit = (digits: string, weights: number[]): number =>
  (weights.reduce((acc, w, i) => acc + w * Number(digits[i]), 0) % 11) % 10;

export type InnProblem = 'INN_FORMAT' | 'INN_CHECKSUM';

export function checkInn(raw: string): InnProblem | null {
  const s = raw.trim();
  if (/^\d{10}$/.test(s)) return checkDigit(s, W10) === Number(s[9]) ? null : 'INN_CHECKSUM';
  if (/^\d{12}$/.test(s)) {
    return checkDigit(s, W11) === Number(s[10]) && checkDigit(s, W12) === Number(s[11]) ? null : 'INN_CHECKSUM';
  }
  return 'INN_FORMAT';
}

export const isValidInn = (raw: string): boolean => checkInn(raw) === null;

export function parseInn(raw: string, field = 'inn'): string {
  const problem = checkInn(raw);
  if (problem === 'INN_FORMAT')
    throw new ValidationError(field, problem, 'ИНН must have 10 (organisation) or 12 (person) digits');
  if (problem === 'INN_CHECKSUM') throw new ValidationError(field, problem, 'ИНН check digits do not match');
  return raw.trim();
}
