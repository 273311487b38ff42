import {
  defineParameter as def,
  parameterSetOf,
  NOTIFICATION_PARAMETER_DEFINITIONS,
  REFERRAL_PARAMETER_DEFINITIONS,
  STATISTICS_PARAMETER_DEFINITIONS,
  type ParameterDefinition,
} from '@sc/kernel';

/**
 * ЦСПН's regional parameters (DOMAIN.md §7): every amount, term, cap and
 * deadline of the social contract, with the Irkutsk 2024–2026 values as
 * defaults; `status` keeps DOMAIN.md's confidence tag (C confirmed, S seed
 * only, U unconfirmed) so [U] items are visibly settings.
 */
export const PARAMETER_DEFINITIONS = {
  ...STATISTICS_PARAMETER_DEFINITIONS,
  ...NOTIFICATION_PARAMETER_DEFINITIONS,
  ...REFERRAL_PARAMETER_DEFINITIONS,
  // Нормы времени специалиста ЦСПН (seed 003, DOMAIN.md §7: хронометраж); ranges allow the region to tune them.
  NORM_PRIMARY_CONSULTATION_MINUTES: def('MINUTES', 30, 5, 240, 'S', 'первичная консультация'),
  NORM_DATA_ENTRY_MINUTES: def('MINUTES', 60, 5, 240, 'S', 'работа с АИС ЭСРН (внесение данных)'),
  NORM_PSA_DRAFTING_MINUTES: def('MINUTES', 60, 5, 240, 'S', 'консультация по бизнес-плану и ПСА (первичная)'),
  NORM_PSA_BEFORE_COMMISSION_MINUTES: def('MINUTES', 30, 5, 240, 'S', 'консультация перед МВК (вторичная)'),
  NORM_COMMISSION_APPROVAL_MINUTES: def('MINUTES', 30, 5, 240, 'S', 'утверждение ПСА на МВК'),
  NORM_MONTHLY_REPORT_MINUTES: def('MINUTES', 60, 5, 240, 'S', 'ежемесячный отчёт гражданина по ПСА'),
  // 1–3 h a visit; 18 h over a 9-month contract is 2 h a month, the norm used here.
  NORM_CONTROL_VISIT_MINUTES: def('MINUTES', 120, 15, 480, 'S', 'ежемесячный контроль с выездом к гражданину'),
  NORM_EVALUATION_MINUTES: def('MINUTES', 90, 15, 480, 'S', 'оценка эффективности'),
  NORM_POST_MONITORING_MINUTES: def(
    'MINUTES',
    30,
    5,
    480,
    'S',
    'сопровождение после окончания контракта (контрольная точка)',
  ),
  NORM_HOURS_AFTER_CONTRACT: def('HOURS', 18, 1, 100, 'S', 'сопровождение после контракта, всего не более'),
  WORK_HOURS_PER_MONTH: def('HOURS', 176, 40, 250, 'S', 'рабочее время специалиста в месяц'),
  CONTRACTS_PER_SPECIALIST: def('COUNT', 52, 1, 500, 'S', 'контрактов на одного специалиста за цикл'),
  CONTRACT_MIN_MONTHS: def('MONTHS', 3, 1, 24, 'C', 'минимальный срок социального контракта'),
  CONTRACT_MAX_MONTHS: def('MONTHS', 12, 1, 24, 'C', 'максимальный срок социального контракта'),
  MAX_MONTHS_JOB_SEARCH: def('MONTHS', 9, 1, 24, 'C', 'максимальный срок: поиск работы'),
  MAX_MONTHS_BUSINESS: def('MONTHS', 12, 1, 24, 'C', 'максимальный срок: предпринимательская деятельность'),
  MAX_MONTHS_SUBSIDIARY_FARM: def('MONTHS', 12, 1, 24, 'C', 'максимальный срок: ЛПХ'),
  MAX_MONTHS_HARDSHIP: def('MONTHS', 6, 1, 24, 'C', 'максимальный срок: ТЖС'),
  CAP_BUSINESS_KOPECKS: def('KOPECKS', 35_000_000, 0, 1_000_000_000, 'C', 'единовременная выплата на ИП/НПД, не более'),
  CAP_SUBSIDIARY_FARM_KOPECKS: def(
    'KOPECKS',
    20_000_000,
    0,
    1_000_000_000,
    'C',
    'единовременная выплата на ЛПХ, не более',
  ),
  CAP_TRAINING_KOPECKS: def('KOPECKS', 3_000_000, 0, 100_000_000, 'C', 'стоимость обучения, не более'),
  JOB_SEARCH_PAYMENTS: def('COUNT', 4, 1, 12, 'C', 'число ежемесячных выплат при поиске работы'),
  JOB_SEARCH_PAYMENTS_BEFORE_EMPLOYMENT: def(
    'COUNT',
    1,
    0,
    12,
    'C',
    'выплаты до подтверждения трудоустройства (за месяц заключения)',
  ),
  MONTHLY_PAYMENT_PM_PERCENT: def('PERCENT', 100, 1, 200, 'C', 'ежемесячная выплата, % ПМ трудоспособного населения'),
  DECISION_DAYS: def('DAYS', 10, 1, 60, 'C', 'срок решения о назначении помощи (178-ФЗ ст. 8)'),
  DECISION_DAYS_EXTRA_CHECK: def('DAYS', 30, 1, 90, 'C', 'срок окончательного решения при дополнительной проверке'),
  INCOME_PERIOD_MONTHS: def('MONTHS', 3, 1, 12, 'C', 'расчётный период дохода'),
  INCOME_PERIOD_GAP_MONTHS: def('MONTHS', 1, 0, 3, 'C', 'отступ расчётного периода от месяца подачи заявления'),
  EXCLUDE_UNIFIED_CHILD_ALLOWANCE: def('FLAG', 1, 0, 1, 'C', 'единое пособие не учитывается в доходе (с 2025 г.)'),
  EXTENSION_MAX_PERCENT_OF_TERM: def('PERCENT', 50, 0, 100, 'C', 'продление, не более % первоначального срока'),
  MONTHLY_REPORT_DUE_WORKING_DAY: def(
    'WORKING_DAYS',
    5,
    1,
    20,
    'U',
    'отчёт за месяц — до N-го рабочего дня следующего месяца',
  ),
  CONTROL_VISITS_PER_MONTH: def('COUNT', 1, 0, 4, 'C', 'контрольных посещений в месяц'),
  EFFECTIVENESS_DUE_MONTHS: def(
    'MONTHS',
    5,
    0,
    12,
    'S',
    'заключение об эффективности — не позднее N месяцев после окончания',
  ),
  EFFECTIVENESS_INCOME_GROWTH_PERCENT: def(
    'PERCENT',
    0,
    0,
    100,
    'U',
    'рост среднедушевого дохода (более чем на N %), при котором контракт эффективен, если доход не выше ПМ',
  ),
  POST_MONITORING_MONTHS: def('MONTHS', 12, 0, 36, 'C', 'мониторинг после окончания контракта'),
  POST_MONITORING_CHECKPOINT_MONTHS: def('MONTHS', 3, 1, 12, 'U', 'периодичность контрольных точек мониторинга'),
  REPAYMENT_DAYS: def('DAYS', 90, 1, 365, 'U', 'срок добровольного возврата средств'),
  NON_FULFILMENT_EXPLANATION_DAYS: def(
    'DAYS',
    10,
    1,
    60,
    'U',
    'срок, в который гражданин даёт объяснение невыполнения условий контракта',
  ),
  PSA_AGREEMENT_WORKING_DAYS: def(
    'WORKING_DAYS',
    5,
    1,
    30,
    'U',
    'срок, в который ЦЗН и КЦСОН отвечают на проект ПСА (согласуют или предлагают изменения)',
  ),
  SOCIAL_SERVICE_AFTER_CONTRACT_MONTHS: def('MONTHS', 12, 0, 36, 'S', 'обслуживание в КЦСОН после окончания контракта'),
  LUMP_SUM_DUE_DAYS: def('DAYS', 30, 1, 90, 'U', 'срок перечисления единовременной выплаты после заключения'),
} as const satisfies Record<string, ParameterDefinition>;

export type ParameterCode = keyof typeof PARAMETER_DEFINITIONS;

export class RegionalParameters extends parameterSetOf(PARAMETER_DEFINITIONS) {}

export { regionOfTerritory, type ParameterView } from '@sc/kernel';
