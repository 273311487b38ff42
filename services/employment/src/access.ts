import type { AccessRule } from '@sc/auth';

/** The person and the summary status (registered, employed): every agency's case workers and auditors. */
export const READ_PROFILE: AccessRule = {
  agencies: ['EMPLOYMENT', 'SOCIAL_PROTECTION', 'SOCIAL_SERVICE', 'MINISTRY'],
  roles: ['SPECIALIST', 'HEAD', 'COMMISSION_MEMBER', 'AUDITOR', 'ADMIN'],
};

/** Registration, plan, offers, training, outcome: ЦЗН and ЦСПН (it pays on them) and auditors — not КЦСОН. */
export const READ_CASE: AccessRule = {
  agencies: ['EMPLOYMENT', 'SOCIAL_PROTECTION', 'MINISTRY'],
  roles: ['SPECIALIST', 'HEAD', 'COMMISSION_MEMBER', 'AUDITOR'],
};

/** Profiling details: ЦЗН only. */
export const READ_PROFILING: AccessRule = { agencies: ['EMPLOYMENT'], roles: ['SPECIALIST', 'HEAD', 'AUDITOR'] };

export const CASE_WORK: AccessRule = { agencies: ['EMPLOYMENT'], roles: ['SPECIALIST', 'HEAD'] };

export const ADMINISTER_PARAMETERS: AccessRule = { agencies: ['EMPLOYMENT', 'MINISTRY'], roles: ['ADMIN'] };
