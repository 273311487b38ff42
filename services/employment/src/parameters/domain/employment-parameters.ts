import {
  defineParameter as def,
  parameterSetOf,
  NOTIFICATION_PARAMETER_DEFINITIONS,
  REFERRAL_PARAMETER_DEFINITIONS,
  STATISTICS_PARAMETER_DEFINITIONS,
  type ParameterDefinition,
} from '@sc/kernel';

/** ЦЗН's regional parameters (DOMAIN.md §7), as dated data an ADMIN may change. */
export const EMPLOYMENT_PARAMETER_DEFINITIONS = {
  ...STATISTICS_PARAMETER_DEFINITIONS,
  ...NOTIFICATION_PARAMETER_DEFINITIONS,
  ...REFERRAL_PARAMETER_DEFINITIONS,
  // Нормы времени: seed 003 gives none for this agency, so they are [U] settings; hours are counted all the same.
  NORM_REGISTRATION_MINUTES: def('MINUTES', 60, 5, 480, 'U', 'регистрация гражданина в ЦЗН'),
  NORM_PROFILING_MINUTES: def('MINUTES', 45, 5, 480, 'U', 'профилирование'),
  NORM_PLAN_MINUTES: def('MINUTES', 60, 5, 480, 'U', 'индивидуальный план: составление и согласование'),
  NORM_TRAINING_REFERRAL_MINUTES: def('MINUTES', 30, 5, 480, 'U', 'направление на профессиональное обучение'),
  NORM_CONTRACT_SERVICE_MINUTES: def('MINUTES', 45, 5, 480, 'U', 'услуга по социальному контракту'),
  NORM_VACANCY_MINUTES: def('MINUTES', 20, 5, 480, 'U', 'подбор вакансии'),
  CASE_MONTHLY_MINUTES: def('MINUTES', 120, 10, 2400, 'U', 'время на один открытый случай в месяц (прогноз нагрузки)'),
  WORK_HOURS_PER_MONTH: def('HOURS', 176, 40, 250, 'S', 'рабочее время специалиста в месяц'),
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
