import { dateOf, parseSnils, ValidationError } from '@sc/kernel';
import type { PersonInput } from './citizen-directory';

const MIN_BIRTH_DATE = '1900-01-01';

/** Validates a person as typed by a case worker; every error names its input path. */
export function validatePerson(p: PersonInput, path: string, today = dateOf(new Date())): PersonInput {
  const name = (v: string | null | undefined, f: string, required: boolean): string | null => {
    const t = (v ?? '').trim();
    if (required && !t) throw new ValidationError(`${path}.${f}`, 'REQUIRED', 'must not be empty');
    if (t.length > 100) throw new ValidationError(`${path}.${f}`, 'MAX_LENGTH', 'must be at most 100 characters');
    return t || null;
  };
  if (p.birthDate > today)
    throw new ValidationError(`${path}.birthDate`, 'NOT_IN_FUTURE', 'birth date cannot be in the future');
  if (p.birthDate < MIN_BIRTH_DATE)
    throw new ValidationError(`${path}.birthDate`, 'PLAUSIBLE_DATE', `birth date must be after ${MIN_BIRTH_DATE}`);
  return {
    snils: p.snils ? parseSnils(p.snils, `${path}.snils`) : null,
    lastName: name(p.lastName, 'lastName', true)!,
    firstName: name(p.firstName, 'firstName', true)!,
    middleName: name(p.middleName, 'middleName', false),
    birthDate: p.birthDate,
    phone: p.phone?.trim() || null,
    address: p.address?.trim() || null,
  };
}
