import { checkInn, parseInn } from './inn';

describe('ИНН check digits (DOMAIN.md §6)', () => {
  it('accepts the 12-digit worked example 500100732259', () => {
    expect(checkInn('500100732259')).toBeNull();
  });
  it('rejects a 12-digit number whose 11th or 12th digit is wrong', () => {
    expect(checkInn('500100732269')).toBe('INN_CHECKSUM');
    expect(checkInn('500100732258')).toBe('INN_CHECKSUM');
  });
  it('accepts a valid 10-digit organisation ИНН and rejects a wrong one', () => {
    expect(checkInn('7707083893')).toBeNull(); // ПАО Сбербанк
    expect(checkInn('7707083894')).toBe('INN_CHECKSUM');
  });
  it('rejects other lengths', () => {
    expect(checkInn('12345')).toBe('INN_FORMAT');
    expect(() => parseInn('12345', 'employer.inn')).toThrow(/employer\.inn/);
  });
});
