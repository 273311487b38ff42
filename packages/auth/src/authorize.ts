import { coversTerritory, ForbiddenError, isTokenTerritory, type PrincipalAgency, type Role } from '@sc/kernel';
import type { Principal } from './principal';

/** Who may do an operation: a service's `access.ts` holds one rule per kind of operation. */
export interface AccessRule {
  agencies: readonly PrincipalAgency[];
  /** Any one of these roles suffices; omitted = any role of those agencies. */
  roles?: readonly Role[];
  /** A second grant with roles of its own (the ministry's auditors beside the agencies' case workers). */
  also?: AccessRule;
}

/** The ministry reads case files only to audit them; its analysts get statistics, never cases. */
export const MINISTRY_AUDITORS: AccessRule = { agencies: ['MINISTRY'], roles: ['AUDITOR'] };

/** Statistics (no personal data) are for analysts (any agency), heads of office and the ministry's staff. */
export const STATISTICS_READERS: AccessRule = {
  agencies: ['SOCIAL_PROTECTION', 'EMPLOYMENT', 'SOCIAL_SERVICE'],
  roles: ['ANALYST', 'HEAD'],
  also: { agencies: ['MINISTRY'] },
};

/** A HEAD of an agency sees their own territory's figures as they are; analysts and every ministry token see small counts hidden. */
export const seesSuppressed = (p: Principal): boolean => p.agency === 'MINISTRY' || !p.roles.includes('HEAD');

/** An analyst and nothing else: statistics only, so every per-person read refuses them outright (FORBIDDEN), never hides. */
export const statisticsOnly = (p: Principal): boolean => p.roles.every((r) => r === 'ANALYST');

/** Whether the principal's agency and roles fit the rule (territory aside). */
export const fitsRole = (p: Principal, rule: AccessRule): boolean =>
  (rule.agencies.includes(p.agency) && (!rule.roles || p.roles.some((r) => rule.roles!.includes(r)))) ||
  (rule.also !== undefined && fitsRole(p, rule.also));

/** Why the policy said no: the agency or role, or the territory of the case. */
export type Denial = 'ACCESS_POLICY' | 'TERRITORY';

/**
 * The access policy, one function for every service: may this principal do
 * an operation under `rule`, on a case of `caseTerritory` (omitted when the
 * operation is not yet about one case: a list is then filtered by the same
 * territory, see `territoryPrefix`)? Agency and role first, then territory:
 * the token's territory (an ОКТМО prefix) must cover the case's. A token
 * whose territory is not an ОКТМО code covers nothing.
 */
export function decide(p: Principal, rule: AccessRule, caseTerritory?: string): Denial | null {
  if (!fitsRole(p, rule)) return 'ACCESS_POLICY';
  if (!isTokenTerritory(p.territory)) return 'TERRITORY';
  if (caseTerritory !== undefined && !coversTerritory(p.territory, caseTerritory)) return 'TERRITORY';
  return null;
}

export const allows = (p: Principal, rule: AccessRule, caseTerritory?: string): boolean =>
  decide(p, rule, caseTerritory) === null;

/** Throws FORBIDDEN naming what the operation needs (never what the case holds). */
export function authorize(p: Principal, rule: AccessRule, operation: string, caseTerritory?: string): void {
  const denial = decide(p, rule, caseTerritory);
  if (!denial) return;
  if (denial === 'TERRITORY')
    throw new ForbiddenError(`${operation}: the case is outside your territory ${p.territory}`, {
      rule: 'TERRITORY',
      operation,
      territory: p.territory,
    });
  throw new ForbiddenError(
    `${operation} requires agency ${rule.agencies.join(' or ')}${rule.roles ? ` with role ${rule.roles.join(' or ')}` : ''}`,
    { rule: 'ACCESS_POLICY', operation, agency: p.agency, roles: p.roles },
  );
}
