import type { AccessRule } from '@sc/auth';

export const READ_PROFILE: AccessRule = {
  agencies: ['EMPLOYMENT', 'SOCIAL_PROTECTION', 'SOCIAL_SERVICE', 'MINISTRY'],
  roles: ['SPECIALIST', 'HEAD', 'COMMISSION_MEMBER', 'AUDITOR', 'ADMIN'],
};
