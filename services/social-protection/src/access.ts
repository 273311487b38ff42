import type { AccessRule } from '@sc/auth';

/**
 * Application status and referrals are visible to ЦСПН staff, to the partner
 * agencies' case workers who referred the citizen, and to ministry auditors.
 * Incomes and means-test figures (issue 3) will get a narrower rule.
 */
export const READ_APPLICATIONS: AccessRule = {
  agencies: ['SOCIAL_PROTECTION', 'SOCIAL_SERVICE', 'EMPLOYMENT', 'MINISTRY'],
  roles: ['SPECIALIST', 'HEAD', 'COMMISSION_MEMBER', 'AUDITOR', 'ADMIN'],
};

export const READ_REFERRAL_QUEUE: AccessRule = { agencies: ['SOCIAL_PROTECTION'] };
