import { z } from 'zod';
import { PRINCIPAL_AGENCIES, ROLES, type PrincipalAgency, type Role } from '@sc/kernel';

/** Who is calling: from the verified token, never from the request body. */
export interface Principal {
  subject: string;
  agency: PrincipalAgency;
  roles: Role[];
  /** ОКТМО or region code of the office the user works for. */
  territory: string;
}

export const principalClaims = z.object({
  sub: z.string().min(1),
  agency: z.enum(PRINCIPAL_AGENCIES),
  roles: z.array(z.enum(ROLES)).min(1),
  territory: z.string().min(1),
});
