import { ForbiddenError, type PrincipalAgency, type Role } from '@sc/kernel';
import type { Principal } from './principal';

export interface AccessRule {
  agencies: readonly PrincipalAgency[];
  /** Any one of these roles suffices; omitted = any role of those agencies. */
  roles?: readonly Role[];
}

export const allows = (p: Principal, rule: AccessRule): boolean =>
  rule.agencies.includes(p.agency) && (!rule.roles || p.roles.some((r) => rule.roles!.includes(r)));

/** Throws FORBIDDEN naming what the operation needs. */
export function authorize(p: Principal, rule: AccessRule, operation: string): void {
  if (allows(p, rule)) return;
  throw new ForbiddenError(
    `${operation} requires agency ${rule.agencies.join(' or ')}${rule.roles ? ` with role ${rule.roles.join(' or ')}` : ''}`,
    { rule: 'ACCESS_POLICY', operation, agency: p.agency, roles: p.roles },
  );
}
