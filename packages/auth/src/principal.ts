import { z } from 'zod';
import { isTokenTerritory, PRINCIPAL_AGENCIES, ROLES, type PrincipalAgency, type Role } from '@sc/kernel';

/** Who is calling: from the verified token, never from the request body. */
export interface Principal {
  subject: string;
  agency: PrincipalAgency;
  roles: Role[];
  /** ОКТМО code (a prefix: `25000000` the region, `25607000` one district) of the office the user works for. */
  territory: string;
}

export const principalClaims = z.object({
  sub: z.string().min(1),
  agency: z.enum(PRINCIPAL_AGENCIES),
  roles: z.array(z.enum(ROLES)).min(1),
  territory: z.string().refine(isTokenTerritory, 'must be an 8-digit ОКТМО code or a 2-digit region code'),
});
