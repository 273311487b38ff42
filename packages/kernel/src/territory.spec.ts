import { ValidationError } from './errors';
import { caseTerritoryFor, coversTerritory, isRegionTerritory, parseTerritory, territoryScope } from './territory';

describe('ОКТМО territory scope (DOMAIN.md §10)', () => {
  it.each([
    ['25', '25'],
    ['25000000', '25'],
    ['25600000', '256'],
    ['25607000', '25607'],
    ['25701000', '25701'],
    ['25607435', '25607435'],
  ])('token territory %s covers the prefix %s', (token, prefix) => {
    expect(territoryScope(token)).toBe(prefix);
  });

  it('a region token covers every district of its region and no other region', () => {
    expect(coversTerritory('25000000', '25607000')).toBe(true);
    expect(coversTerritory('25', '25701000')).toBe(true);
    expect(coversTerritory('25000000', '50701000')).toBe(false);
    expect(isRegionTerritory('25000000')).toBe(true);
    expect(isRegionTerritory('25607000')).toBe(false);
  });

  it('a district token covers its district only', () => {
    expect(coversTerritory('25607000', '25607000')).toBe(true);
    expect(coversTerritory('25607000', '25646000')).toBe(false);
    expect(coversTerritory('25701000', '25000000')).toBe(false); // the region's unassigned queue
  });

  it('a malformed token territory covers nothing, and a malformed case territory is never covered', () => {
    expect(coversTerritory('', '25607000')).toBe(false);
    expect(coversTerritory('2', '25607000')).toBe(false);
    expect(coversTerritory('25x00000', '25607000')).toBe(false);
    expect(coversTerritory('25000000', '256')).toBe(false);
  });

  it('parses only 8 digits', () => {
    expect(parseTerritory('25607000', 't')).toBe('25607000');
    expect(() => parseTerritory('2560700', 't')).toThrow(ValidationError);
    expect(() => parseTerritory('2560700a', 't')).toThrow(/8-digit/);
  });

  describe('the territory of a new case', () => {
    it("is the district worker's own district when none is named", () => {
      expect(caseTerritoryFor('25607000', null, 'input.territory')).toBe('25607000');
    });
    it('is the named one when the worker covers it', () => {
      expect(caseTerritoryFor('25000000', '25646000', 'input.territory')).toBe('25646000');
    });
    it('must be named by region staff', () => {
      expect(() => caseTerritoryFor('25000000', undefined, 'input.territory')).toThrow(
        /TERRITORY_REQUIRED|name the district/,
      );
    });
    it('cannot be outside the worker territory', () => {
      try {
        caseTerritoryFor('25607000', '25646000', 'input.territory');
        throw new Error('accepted');
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        expect((e as ValidationError).details).toMatchObject({
          field: 'input.territory',
          rule: 'TERRITORY_OUTSIDE_SCOPE',
        });
      }
    });
  });
});
