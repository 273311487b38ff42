import type { AccessRule } from '@sc/auth';

/**
 * Who may read КЦСОН's intake and referral data: КЦСОН staff, the ЦСПН staff
 * who receive the referrals, and ministry auditors. Prevention and
 * psychological data (later issues) get a narrower rule of their own.
 */
export const READ_INTAKE: AccessRule = {
  agencies: ['SOCIAL_SERVICE', 'SOCIAL_PROTECTION', 'MINISTRY'],
  roles: ['SPECIALIST', 'HEAD', 'COMMISSION_MEMBER', 'AUDITOR', 'ADMIN'],
};
