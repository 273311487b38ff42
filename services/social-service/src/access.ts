import { MINISTRY_AUDITORS, STATISTICS_READERS, type AccessRule } from '@sc/auth';

/**
 * Who may read КЦСОН's intake and referral data: КЦСОН staff, the ЦСПН staff
 * who receive the referrals, and ministry auditors. Prevention and
 * psychological data (later issues) get a narrower rule of their own.
 */
export const READ_INTAKE: AccessRule = {
  agencies: ['SOCIAL_SERVICE', 'SOCIAL_PROTECTION'],
  roles: ['SPECIALIST', 'HEAD', 'COMMISSION_MEMBER', 'AUDITOR', 'ADMIN'],
  also: MINISTRY_AUDITORS,
};

/** Case work at КЦСОН: urgent services, accompaniment, prevention. */
export const CASE_WORK: AccessRule = { agencies: ['SOCIAL_SERVICE'], roles: ['SPECIALIST', 'HEAD'] };

/** Urgent services and accompaniment status: КЦСОН, ЦСПН (the contract it pays for) and auditors. */
export const READ_SERVICES: AccessRule = {
  agencies: ['SOCIAL_SERVICE', 'SOCIAL_PROTECTION'],
  roles: ['SPECIALIST', 'HEAD', 'COMMISSION_MEMBER', 'AUDITOR'],
  also: MINISTRY_AUDITORS,
};

/**
 * Признание нуждающимся в социальном обслуживании: the authorised body's
 * decision (уполномоченный орган, seed 001; 442-ФЗ ст. 15) — in the region
 * the social-protection office (УСЗН / ЦСПН) of the case's district — never
 * the provider's (КЦСОН's) own specialist, who serves on that decision.
 */
export const NEED_RECOGNITION: AccessRule = { agencies: ['SOCIAL_PROTECTION'], roles: ['SPECIALIST', 'HEAD'] };

/**
 * Prevention casework and psychologists' conclusions: only the КЦСОН staff
 * who work the cases. Another agency's request is refused (FORBIDDEN), and
 * every read is audited.
 */
export const READ_SENSITIVE: AccessRule = { agencies: ['SOCIAL_SERVICE'], roles: ['SPECIALIST', 'HEAD'] };

export const ADMINISTER_CATALOGUE: AccessRule = { agencies: ['SOCIAL_SERVICE', 'MINISTRY'], roles: ['ADMIN'] };

/** Regional parameters are not personal data: any user of the agencies and the ministry reads them. */
export const READ_PARAMETERS: AccessRule = {
  agencies: ['SOCIAL_PROTECTION', 'EMPLOYMENT', 'SOCIAL_SERVICE', 'MINISTRY'],
};

/** Worklists of КЦСОН cases: its own staff, and the ministry's auditors (prevention lists: READ_SENSITIVE). */
export const WORKLISTS: AccessRule = {
  agencies: ['SOCIAL_SERVICE'],
  roles: ['SPECIALIST', 'HEAD'],
  also: MINISTRY_AUDITORS,
};

/** Assigning cases to specialists and seeing the staff: the head of the office. */
export const HEAD_ASSIGNS: AccessRule = { agencies: ['SOCIAL_SERVICE'], roles: ['HEAD'] };

/** Invitations to the МВК: КЦСОН's staff who sit on it or work its cases, and the head. */
export const COMMISSION_INVITATIONS: AccessRule = {
  agencies: ['SOCIAL_SERVICE'],
  roles: ['COMMISSION_MEMBER', 'HEAD', 'SPECIALIST'],
};

/** Statistics (no personal data): analysts of any agency, heads of office, the ministry (issue 11). */
export const READ_STATISTICS: AccessRule = STATISTICS_READERS;

/** Уведомления: every staff member of КЦСОН reads and marks their own (the list holds only theirs). */
export const OWN_NOTIFICATIONS: AccessRule = { agencies: ['SOCIAL_SERVICE'] };

/** Проекты ПСА на согласовании: КЦСОН's case workers and the head read and answer them for their territory. */
export const PROGRAMME_AGREEMENT: AccessRule = { agencies: ['SOCIAL_SERVICE'], roles: ['SPECIALIST', 'HEAD'] };
