import { defineParameter as def, parameterSetOf, type ParameterDefinition } from '@sc/kernel';

/** КЦСОН's regional parameters (DOMAIN.md §6–§8), as dated data an ADMIN may change. */
export const SOCIAL_SERVICE_PARAMETER_DEFINITIONS = {
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
