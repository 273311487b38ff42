/** The agencies of the system (DOMAIN.md §1). MINISTRY only watches. */
export const AGENCIES = ['SOCIAL_PROTECTION', 'EMPLOYMENT', 'SOCIAL_SERVICE', 'MINISTRY'] as const;
export type Agency = (typeof AGENCIES)[number];

export const ROLES = ['SPECIALIST', 'HEAD', 'COMMISSION_MEMBER', 'ANALYST', 'AUDITOR', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

/** The CloudEvents `source` of each service. */
export const agencySource = (a: Agency): string => `/agencies/${a.toLowerCase().replace(/_/g, '-')}`;
