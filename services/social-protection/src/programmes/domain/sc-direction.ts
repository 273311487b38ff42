import type { ParameterCode } from '../../parameters/domain/regional-parameters';

/** Направление социального контракта (DOMAIN.md §3). */
export const SC_DIRECTIONS = ['JOB_SEARCH', 'BUSINESS', 'SUBSIDIARY_FARM', 'HARDSHIP'] as const;
export type ScDirection = (typeof SC_DIRECTIONS)[number];

export const MAX_TERM_PARAMETER: Record<ScDirection, ParameterCode> = {
  JOB_SEARCH: 'MAX_MONTHS_JOB_SEARCH',
  BUSINESS: 'MAX_MONTHS_BUSINESS',
  SUBSIDIARY_FARM: 'MAX_MONTHS_SUBSIDIARY_FARM',
  HARDSHIP: 'MAX_MONTHS_HARDSHIP',
};

/** Directions paid as a lump sum against a business plan, and the cap of each. */
export const LUMP_SUM_CAP_PARAMETER: Partial<Record<ScDirection, ParameterCode>> = {
  BUSINESS: 'CAP_BUSINESS_KOPECKS',
  SUBSIDIARY_FARM: 'CAP_SUBSIDIARY_FARM_KOPECKS',
};

export const needsBusinessPlan = (d: ScDirection): boolean => d in LUMP_SUM_CAP_PARAMETER;
