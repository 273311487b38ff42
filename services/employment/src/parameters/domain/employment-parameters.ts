import { defineParameter as def, parameterSetOf, type ParameterDefinition } from '@sc/kernel';

/** ЦЗН's regional parameters (DOMAIN.md §7), as dated data an ADMIN may change. */
export const EMPLOYMENT_PARAMETER_DEFINITIONS = {
  REPROFILING_INTERVAL_DAYS: def(
    'DAYS',
    45,
    1,
    365,
    'C',
    'повторное профилирование — каждые 1,5 месяца (565-ФЗ ст. 26)',
  ),
  PLAN_STEP_MAX_MONTHS: def('MONTHS', 12, 1, 24, 'U', 'самый дальний срок шага индивидуального плана'),
} as const satisfies Record<string, ParameterDefinition>;

export type EmploymentParameterCode = keyof typeof EMPLOYMENT_PARAMETER_DEFINITIONS;

export class EmploymentParameters extends parameterSetOf(EMPLOYMENT_PARAMETER_DEFINITIONS) {}
