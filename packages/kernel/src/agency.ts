/** The agencies of the system (DOMAIN.md §1). MINISTRY only watches. */
export const AGENCIES = ['SOCIAL_PROTECTION', 'EMPLOYMENT', 'SOCIAL_SERVICE', 'MINISTRY'] as const;
export type Agency = (typeof AGENCIES)[number];

/**
 * Who may hold a token: the agencies, and the state portal (Госуслуги) that
 * signs a citizen in through ЕСИА and calls on the citizen's behalf.
 */
export const PRINCIPAL_AGENCIES = [...AGENCIES, 'PORTAL'] as const;
export type PrincipalAgency = (typeof PRINCIPAL_AGENCIES)[number];

/** CITIZEN: a person signed in at the portal; the token's subject is their citizen key, and they see only their own access log. */
export const ROLES = ['SPECIALIST', 'HEAD', 'COMMISSION_MEMBER', 'ANALYST', 'AUDITOR', 'ADMIN', 'CITIZEN'] as const;
export type Role = (typeof ROLES)[number];

/** The CloudEvents `source` of each service. */
export const agencySource = (a: Agency): string => `/agencies/${a.toLowerCase().replace(/_/g, '-')}`;
