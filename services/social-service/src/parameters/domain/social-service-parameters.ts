import {
  defineParameter as def,
  parameterSetOf,
  NOTIFICATION_PARAMETER_DEFINITIONS,
  REFERRAL_PARAMETER_DEFINITIONS,
  STATISTICS_PARAMETER_DEFINITIONS,
  type ParameterDefinition,
} from '@sc/kernel';

/** КЦСОН's regional parameters (DOMAIN.md §6–§8), as dated data an ADMIN may change. */
export const SOCIAL_SERVICE_PARAMETER_DEFINITIONS = {
  ...STATISTICS_PARAMETER_DEFINITIONS,
  ...NOTIFICATION_PARAMETER_DEFINITIONS,
  ...REFERRAL_PARAMETER_DEFINITIONS,
  // Нормы времени: seed 003 gives none for this agency, so they are [U] settings; hours are counted all the same.
  NORM_URGENT_REQUEST_MINUTES: def('MINUTES', 30, 5, 480, 'U', 'приём обращения за срочными услугами и решение'),
  NORM_URGENT_DELIVERY_MINUTES: def('MINUTES', 30, 5, 480, 'U', 'оказание срочной услуги'),
  NORM_URGENT_ACT_MINUTES: def('MINUTES', 30, 5, 480, 'U', 'акт о предоставлении срочных услуг'),
  NORM_ACCOMPANIMENT_MINUTES: def('MINUTES', 60, 5, 480, 'U', 'открытие случая сопровождения'),
  NORM_ACCOMPANIMENT_MEASURE_MINUTES: def('MINUTES', 30, 5, 480, 'U', 'мероприятие программы сопровождения'),
  NORM_PREVENTION_CHECK_MINUTES: def('MINUTES', 120, 5, 480, 'U', 'проверка сигнала (профилактика)'),
  NORM_PREVENTION_MEASURE_MINUTES: def('MINUTES', 60, 5, 480, 'U', 'мероприятие программы реабилитации'),
  CASE_MONTHLY_MINUTES: def('MINUTES', 120, 10, 2400, 'U', 'время на один открытый случай в месяц (прогноз нагрузки)'),
  WORK_HOURS_PER_MONTH: def('HOURS', 176, 40, 250, 'S', 'рабочее время специалиста в месяц'),
  NEED_DECISION_WORKING_DAYS: def(
    'WORKING_DAYS',
    5,
    1,
    30,
    'C',
    'решение о признании нуждающимся — 5 рабочих дней (442-ФЗ)',
  ),
  PROGRAMME_WORKING_DAYS: def('WORKING_DAYS', 10, 1, 30, 'C', 'ИППСУ — 10 рабочих дней с даты обращения'),
  PROGRAMME_REVISION_MONTHS: def('MONTHS', 36, 1, 60, 'C', 'пересмотр ИППСУ — не реже раза в 3 года'),
  PREVENTION_CHECK_DAYS: def('DAYS', 5, 1, 30, 'S', 'проверка сигнала с выходом в адрес (региональная практика)'),
  PREVENTION_REVIEW_MONTHS: def('MONTHS', 6, 1, 24, 'U', 'контроль и анализ исполнения программы реабилитации'),
} as const satisfies Record<string, ParameterDefinition>;

export type SocialServiceParameterCode = keyof typeof SOCIAL_SERVICE_PARAMETER_DEFINITIONS;

export class SocialServiceParameters extends parameterSetOf(SOCIAL_SERVICE_PARAMETER_DEFINITIONS) {}
