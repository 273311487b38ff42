import { z } from 'zod';
import { AGENCIES, ROLES, type Agency, type Role } from '@sc/kernel';

/** Who is calling: from the verified token, never from the request body. */
export interface Principal {
  subject: string;
  agency: Agency;
  roles: Role[];
  /** ОКТМО or region code of the office the user works for. */
  territory: string;
}

export const principalClaims = z.object({
  sub: z.string().min(1),
  agency: z.enum(AGENCIES),
  roles: z.array(z.enum(ROLES)).min(1),
  territory: z.string().min(1),
});
