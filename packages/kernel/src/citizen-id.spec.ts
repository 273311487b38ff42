import { deriveCitizenId, isDerivedCitizenId, isUuid, newProvisionalCitizenId } from './citizen-id';

describe('citizen identity', () => {
  it('derives the same key for the same СНИЛС at every agency', () => {
    expect(deriveCitizenId('11223344595', 's3cret')).toBe(deriveCitizenId('11223344595', 's3cret'));
  });
  it('differs by СНИЛС and by secret, and is a UUID that does not contain the СНИЛС', () => {
    const a = deriveCitizenId('11223344595', 's3cret');
    expect(a).not.toBe(deriveCitizenId('98765432183', 's3cret'));
    expect(a).not.toBe(deriveCitizenId('11223344595', 'other'));
    expect(isUuid(a)).toBe(true);
    expect(a.replace(/-/g, '')).not.toContain('11223344595');
    expect(a[14]).toBe('8'); // version 8
  });
  it('gives a random key to a person without СНИЛС, told apart from derived keys by its version', () => {
    expect(newProvisionalCitizenId()).not.toBe(newProvisionalCitizenId());
    expect(isDerivedCitizenId(newProvisionalCitizenId())).toBe(false);
    expect(isDerivedCitizenId(deriveCitizenId('11223344595', 's'))).toBe(true);
  });
});
