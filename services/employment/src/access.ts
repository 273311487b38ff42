import { MINISTRY_AUDITORS, STATISTICS_READERS, type AccessRule } from '@sc/auth';

/** The person and the summary status (registered, employed): every agency's case workers and auditors. */
export const READ_PROFILE: AccessRule = {
  agencies: ['EMPLOYMENT', 'SOCIAL_PROTECTION', 'SOCIAL_SERVICE'],
  roles: ['SPECIALIST', 'HEAD', 'COMMISSION_MEMBER', 'AUDITOR', 'ADMIN'],
  also: MINISTRY_AUDITORS,
};

/** Registration, plan, offers, training, outcome: ЦЗН and ЦСПН (it pays on them) and auditors — not КЦСОН. */
export const READ_CASE: AccessRule = {
  agencies: ['EMPLOYMENT', 'SOCIAL_PROTECTION'],
  roles: ['SPECIALIST', 'HEAD', 'COMMISSION_MEMBER', 'AUDITOR'],
  also: MINISTRY_AUDITORS,
};

/** Profiling details: ЦЗН only. */
export const READ_PROFILING: AccessRule = { agencies: ['EMPLOYMENT'], roles: ['SPECIALIST', 'HEAD', 'AUDITOR'] };

export const CASE_WORK: AccessRule = { agencies: ['EMPLOYMENT'], roles: ['SPECIALIST', 'HEAD'] };

export const ADMINISTER_PARAMETERS: AccessRule = { agencies: ['EMPLOYMENT', 'MINISTRY'], roles: ['ADMIN'] };

/** Regional parameters are not personal data: any user of the agencies and the ministry reads them. */
export const READ_PARAMETERS: AccessRule = {
  agencies: ['SOCIAL_PROTECTION', 'EMPLOYMENT', 'SOCIAL_SERVICE', 'MINISTRY'],
};

/** Worklists of ЦЗН cases: its own staff, and the ministry's auditors. */
export const WORKLISTS: AccessRule = {
  agencies: ['EMPLOYMENT'],
  roles: ['SPECIALIST', 'HEAD'],
  also: MINISTRY_AUDITORS,
};

/** Assigning cases to specialists and seeing the staff: the head of the office. */
export const HEAD_ASSIGNS: AccessRule = { agencies: ['EMPLOYMENT'], roles: ['HEAD'] };

/** Invitations to the МВК: ЦЗН's staff who sit on it or work its cases, and the head. */
export const COMMISSION_INVITATIONS: AccessRule = {
  agencies: ['EMPLOYMENT'],
  roles: ['COMMISSION_MEMBER', 'HEAD', 'SPECIALIST'],
};

/** Statistics (no personal data): analysts of any agency, heads of office, the ministry (issue 11). */
export const READ_STATISTICS: AccessRule = STATISTICS_READERS;

/** Уведомления: every staff member of ЦЗН reads and marks their own (the list holds only theirs). */
export const OWN_NOTIFICATIONS: AccessRule = { agencies: ['EMPLOYMENT'] };

/** Проекты ПСА на согласовании: ЦЗН's case workers and the head read and answer them for their territory. */
export const PROGRAMME_AGREEMENT: AccessRule = { agencies: ['EMPLOYMENT'], roles: ['SPECIALIST', 'HEAD'] };
