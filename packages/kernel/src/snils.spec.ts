import { checkSnils, formatSnils, maskSnils, normalizeSnils, parseSnils, snilsCheckNumber } from './snils';
import { ValidationError } from './errors';

describe('СНИЛС checksum (DOMAIN.md §6)', () => {
  it('accepts the worked example 112-233-445 95 (sum 95 < 100)', () => {
    expect(checkSnils('112-233-445 95')).toBeNull();
  });

  it('computes 83 for 987-654-321 (sum 285, mod 101)', () => {
    expect(snilsCheckNumber('987654321')).toBe(83);
    expect(checkSnils('98765432183')).toBeNull();
    expect(checkSnils('98765432184')).toBe('SNILS_CHECKSUM');
  });

  // A 9-digit body (above the unchecked range) whose weighted sum is `target`.
  const bodyWithSum = (target: number): string => {
    for (let n = 1_002_000; n < 999_999_999; n += 7) {
      const s = String(n).padStart(9, '0');
      let sum = 0;
      for (let i = 0; i < 9; i++) sum += Number(s[i]) * (9 - i);
      if (sum === target) return s;
    }
    throw new Error(`no body with sum ${target}`);
  };

  it('maps sums of 100 and 101 to 00', () => {
    expect(snilsCheckNumber(bodyWithSum(100))).toBe(0);
    expect(snilsCheckNumber(bodyWithSum(101))).toBe(0);
    expect(checkSnils(`${bodyWithSum(100)}00`)).toBeNull();
  });

  it('maps a remainder of 100 (sum 201) to 00 and takes sum mod 101 above 101', () => {
    expect(snilsCheckNumber(bodyWithSum(201))).toBe(0);
    expect(snilsCheckNumber(bodyWithSum(150))).toBe(49);
  });

  it('does not checksum numbers up to 001-001-998', () => {
    expect(checkSnils('001-001-998 00')).toBeNull();
    expect(checkSnils('001-001-999 00')).toBe('SNILS_CHECKSUM');
  });

  it('rejects anything but 11 digits', () => {
    expect(checkSnils('112-233-445')).toBe('SNILS_FORMAT');
    expect(checkSnils('112-233-445 9A')).toBe('SNILS_FORMAT');
  });

  it('parseSnils throws a ValidationError naming the field and rule', () => {
    expect(() => parseSnils('112-233-445 96', 'citizen.snils')).toThrow(ValidationError);
    try {
      parseSnils('112-233-445 96', 'citizen.snils');
    } catch (e) {
      expect((e as ValidationError).details).toMatchObject({ field: 'citizen.snils', rule: 'SNILS_CHECKSUM' });
    }
    expect(parseSnils('112 233 445 95')).toBe('11223344595');
  });

  it('formats and masks', () => {
    expect(formatSnils(normalizeSnils('11223344595'))).toBe('112-233-445 95');
    expect(maskSnils('11223344595')).toBe('***-***-*** 95');
  });
});
