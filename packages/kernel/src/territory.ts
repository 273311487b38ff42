import { ValidationError } from './errors';

/**
 * Территория по ОКТМО (ОК 033-2013, DOMAIN.md §10). A case carries the 8-digit
 * code of the municipal district or city okrug whose office serves the
 * citizen; the region is its first two digits. A token's territory is read as
 * a prefix at the classifier's level boundaries: `25000000` covers region 25,
 * `25600000` its municipal districts, `25607000` one district, and the bare
 * region code `25` is accepted as `25000000`.
 */
export type TerritoryCode = string;

const CODE = /^\d{8}$/;

/** The 8-digit code, else BAD_USER_INPUT naming the field. */
export function parseTerritory(value: string, field: string): TerritoryCode {
  if (!CODE.test(value)) throw new ValidationError(field, 'OKTMO_FORMAT', 'must be an 8-digit ОКТМО code');
  return value;
}

export const isTerritoryCode = (value: string): boolean => CODE.test(value);

/** A token territory as the classifier writes it: 8 digits, or a 2-digit region code. */
export const isTokenTerritory = (value: string): boolean => CODE.test(value) || /^\d{2}$/.test(value);

/**
 * The prefix of case territories a token territory covers. ОКТМО levels end
 * after digits 2 (subject), 3 (kind of formation), 5 (formation) and 8
 * (settlement); trailing zeros of a level mean "the whole level above".
 */
export function territoryScope(tokenTerritory: string): string {
  if (/^\d{2}$/.test(tokenTerritory)) return tokenTerritory;
  if (!CODE.test(tokenTerritory)) return '\u0000'; // covers nothing: a malformed claim never widens access
  if (tokenTerritory.endsWith('000000')) return tokenTerritory.slice(0, 2);
  if (tokenTerritory.endsWith('00000')) return tokenTerritory.slice(0, 3);
  if (tokenTerritory.endsWith('000')) return tokenTerritory.slice(0, 5);
  return tokenTerritory;
}

/** Whether a token's territory covers a case's territory. */
export const coversTerritory = (tokenTerritory: string, caseTerritory: string): boolean =>
  CODE.test(caseTerritory) && caseTerritory.startsWith(territoryScope(tokenTerritory));

/** Whether the token is for the whole region (its staff see every district). */
export const isRegionTerritory = (tokenTerritory: string): boolean => territoryScope(tokenTerritory).length === 2;

/**
 * The region-level code used for a case no district has taken yet (a message
 * that did not say where the citizen lives): only region staff see it, and
 * they hand it to a district.
 */
export const unassignedTerritory = (region: string): TerritoryCode => `${region.slice(0, 2)}000000`;

/**
 * The territory a new case gets when a case worker opens it: the one named in
 * the input, which the worker's own territory must cover, else the worker's
 * own when it is a single district or okrug (5 significant digits).
 */
export function caseTerritoryFor(
  tokenTerritory: string,
  named: string | null | undefined,
  field: string,
): TerritoryCode {
  if (named != null) {
    const t = parseTerritory(named, field);
    if (!coversTerritory(tokenTerritory, t))
      throw new ValidationError(field, 'TERRITORY_OUTSIDE_SCOPE', `${t} is outside your territory ${tokenTerritory}`);
    return t;
  }
  if (CODE.test(tokenTerritory) && territoryScope(tokenTerritory).length >= 5) return tokenTerritory;
  throw new ValidationError(
    field,
    'TERRITORY_REQUIRED',
    'name the district or city okrug (8-digit ОКТМО) that serves the citizen: your token covers several',
  );
}
