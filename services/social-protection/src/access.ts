import { MINISTRY_AUDITORS, STATISTICS_READERS, type AccessRule } from '@sc/auth';

/**
 * Who may do what at ЦСПН. Application status, programmes and contracts are
 * visible to the partner agencies' case workers (they carry out the
 * activities) and to ministry auditors; incomes, the household, the home
 * survey and money only to ЦСПН staff and auditors.
 */
export const READ_APPLICATIONS: AccessRule = {
  agencies: ['SOCIAL_PROTECTION', 'SOCIAL_SERVICE', 'EMPLOYMENT'],
  roles: ['SPECIALIST', 'HEAD', 'COMMISSION_MEMBER', 'AUDITOR', 'ADMIN'],
  also: MINISTRY_AUDITORS,
};

/** Incomes, household, home survey, payments: ЦСПН case staff and the ministry's auditors. */
export const READ_MEANS: AccessRule = {
  agencies: ['SOCIAL_PROTECTION'],
  roles: ['SPECIALIST', 'HEAD', 'COMMISSION_MEMBER', 'AUDITOR'],
  also: MINISTRY_AUDITORS,
};

/** The queue of incoming referrals (personal data): ЦСПН's case workers and the ministry's auditors, never an analyst. */
export const READ_REFERRAL_QUEUE: AccessRule = {
  agencies: ['SOCIAL_PROTECTION'],
  roles: ['SPECIALIST', 'HEAD', 'COMMISSION_MEMBER'],
  also: MINISTRY_AUDITORS,
};

/** Case work: intake, means test, survey, ПСА drafting, contracts, reports, visits. */
export const CASE_WORK: AccessRule = { agencies: ['SOCIAL_PROTECTION'], roles: ['SPECIALIST', 'HEAD'] };

/** Decisions of the interagency commission (МВК): its members or the head, never a plain specialist. */
export const COMMISSION_DECIDES: AccessRule = { agencies: ['SOCIAL_PROTECTION'], roles: ['COMMISSION_MEMBER', 'HEAD'] };

/** A specialist's deadlines: case workers, commission members and the head. */
export const DEADLINE_READERS: AccessRule = {
  agencies: ['SOCIAL_PROTECTION'],
  roles: [...CASE_WORK.roles!, ...COMMISSION_DECIDES.roles!],
};

/** Early termination, repayment, court: the head of the office. */
export const HEAD_DECIDES: AccessRule = { agencies: ['SOCIAL_PROTECTION'], roles: ['HEAD'] };

/** Regional parameters, ПМ and the production calendar. */
export const ADMINISTER_PARAMETERS: AccessRule = { agencies: ['SOCIAL_PROTECTION', 'MINISTRY'], roles: ['ADMIN'] };

export const READ_PARAMETERS: AccessRule = {
  agencies: ['SOCIAL_PROTECTION', 'EMPLOYMENT', 'SOCIAL_SERVICE', 'MINISTRY'],
};

/** Worklists of ЦСПН cases (lists and search): its own staff, and the ministry's auditors. */
export const WORKLISTS: AccessRule = {
  agencies: ['SOCIAL_PROTECTION'],
  roles: ['SPECIALIST', 'HEAD', 'COMMISSION_MEMBER'],
  also: MINISTRY_AUDITORS,
};

/** Assigning cases to specialists and seeing the staff: the head of the office. */
export const HEAD_ASSIGNS: AccessRule = { agencies: ['SOCIAL_PROTECTION'], roles: ['HEAD'] };

/** Statistics (no personal data): analysts of any agency, heads of office, the ministry (issue 11). */
export const READ_STATISTICS: AccessRule = STATISTICS_READERS;

/** Уведомления: every staff member of ЦСПН reads and marks their own (the list holds only theirs). */
export const OWN_NOTIFICATIONS: AccessRule = { agencies: ['SOCIAL_PROTECTION'] };
