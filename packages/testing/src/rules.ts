import { decide, fitsRole, type AccessRule } from '@sc/auth';
import { PRINCIPAL_AGENCIES, ROLES, type PrincipalAgency, type Role } from '@sc/kernel';

/** The `rule` of the coded error a call throws ('no error' if it returns): unit specs assert rules, not messages. */
export const ruleOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return (e as { details: { rule: string } }).details.rule;
  }
  return 'no error';
};

/** Token territories the access matrix tries against a case of Баяндаевский район (25607000). */
export const MATRIX_CASE_TERRITORY = '25607000';
export const MATRIX_TERRITORIES = {
  sameDistrict: '25607000',
  otherDistrict: '25646000',
  region: '25000000',
  regionShort: '25',
  districtsGroup: '25600000',
  okrugsGroup: '25700000',
  otherRegion: '50000000',
  otherRegionDistrict: '50607000',
} as const;
export type MatrixTerritory = keyof typeof MATRIX_TERRITORIES;

/** Whether a token territory covers the matrix case (the expectation, written out rather than computed). */
export const MATRIX_COVERS: Record<MatrixTerritory, boolean> = {
  sameDistrict: true,
  otherDistrict: false,
  region: true,
  regionShort: true,
  districtsGroup: true,
  okrugsGroup: false,
  otherRegion: false,
  otherRegionDistrict: false,
};

/**
 * The access matrix of one rule: every agency and role a token can hold ×
 * eight token territories, against a case of MATRIX_CASE_TERRITORY. Agency
 * and role decide first (ACCESS_POLICY), then whether the token's territory
 * covers the case (TERRITORY). Returns the cells where the policy disagrees.
 */
export function matrixMismatches(rule: AccessRule): string[] {
  const out: string[] = [];
  for (const agency of PRINCIPAL_AGENCIES)
    for (const role of ROLES)
      for (const t of Object.keys(MATRIX_TERRITORIES) as MatrixTerritory[]) {
        const p = { subject: 'u', agency, roles: [role], territory: MATRIX_TERRITORIES[t] };
        const expected = !fitsRole(p, rule) ? 'ACCESS_POLICY' : MATRIX_COVERS[t] ? null : 'TERRITORY';
        const got = decide(p, rule, MATRIX_CASE_TERRITORY);
        if (got !== expected) out.push(`${agency} ${role} ${t}: expected ${expected}, got ${got}`);
      }
  return out;
}

/** A principal of the matrix: one role, one of its territories. */
export const matrixPrincipal = (agency: PrincipalAgency, role: Role, t: MatrixTerritory) => ({
  subject: 'u',
  agency,
  roles: [role],
  territory: MATRIX_TERRITORIES[t],
});
