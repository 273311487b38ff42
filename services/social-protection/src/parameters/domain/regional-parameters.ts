import { ValidationError, type IsoDate } from '@sc/kernel';

/**
 * Regional parameters (DOMAIN.md §7): every amount, term, cap and deadline of
 * the social contract is data a regional administrator can change, dated by
 * `validFrom` so a rule in force on a given day is reproducible. Defaults are
 * the Irkutsk 2024–2026 values; `status` keeps DOMAIN.md's confidence tag
 * (C confirmed, S seed only, U unconfirmed) so [U] items are visibly settings.
 */
export type ParameterUnit = 'MONTHS' | 'DAYS' | 'WORKING_DAYS' | 'KOPECKS' | 'PERCENT' | 'COUNT' | 'FLAG';

export interface ParameterDefinition {
  unit: ParameterUnit;
  defaultValue: number;
  min: number;
  max: number;
  status: 'C' | 'S' | 'U';
  description: string;
}

const def = (unit: ParameterUnit, defaultValue: number, min: number, max: number, status: ParameterDefinition['status'], description: string): ParameterDefinition => ({
  unit,
  defaultValue,
  min,
  max,
  status,
  description,
});

export const PARAMETER_DEFINITIONS = {
  CONTRACT_MIN_MONTHS: def('MONTHS', 3, 1, 24, 'C', 'минимальный срок социального контракта'),
  CONTRACT_MAX_MONTHS: def('MONTHS', 12, 1, 24, 'C', 'максимальный срок социального контракта'),
  MAX_MONTHS_JOB_SEARCH: def('MONTHS', 9, 1, 24, 'C', 'максимальный срок: поиск работы'),
  MAX_MONTHS_BUSINESS: def('MONTHS', 12, 1, 24, 'C', 'максимальный срок: предпринимательская деятельность'),
  MAX_MONTHS_SUBSIDIARY_FARM: def('MONTHS', 12, 1, 24, 'C', 'максимальный срок: ЛПХ'),
  MAX_MONTHS_HARDSHIP: def('MONTHS', 6, 1, 24, 'C', 'максимальный срок: ТЖС'),
  CAP_BUSINESS_KOPECKS: def('KOPECKS', 35_000_000, 0, 1_000_000_000, 'C', 'единовременная выплата на ИП/НПД, не более'),
  CAP_SUBSIDIARY_FARM_KOPECKS: def('KOPECKS', 20_000_000, 0, 1_000_000_000, 'C', 'единовременная выплата на ЛПХ, не более'),
  CAP_TRAINING_KOPECKS: def('KOPECKS', 3_000_000, 0, 100_000_000, 'C', 'стоимость обучения, не более'),
  JOB_SEARCH_PAYMENTS: def('COUNT', 4, 1, 12, 'C', 'число ежемесячных выплат при поиске работы'),
  JOB_SEARCH_PAYMENTS_BEFORE_EMPLOYMENT: def('COUNT', 1, 0, 12, 'C', 'выплаты до подтверждения трудоустройства (за месяц заключения)'),
  MONTHLY_PAYMENT_PM_PERCENT: def('PERCENT', 100, 1, 200, 'C', 'ежемесячная выплата, % ПМ трудоспособного населения'),
  DECISION_DAYS: def('DAYS', 10, 1, 60, 'C', 'срок решения о назначении помощи (178-ФЗ ст. 8)'),
  DECISION_DAYS_EXTRA_CHECK: def('DAYS', 30, 1, 90, 'C', 'срок окончательного решения при дополнительной проверке'),
  INCOME_PERIOD_MONTHS: def('MONTHS', 3, 1, 12, 'C', 'расчётный период дохода'),
  INCOME_PERIOD_GAP_MONTHS: def('MONTHS', 1, 0, 3, 'C', 'отступ расчётного периода от месяца подачи заявления'),
  EXCLUDE_UNIFIED_CHILD_ALLOWANCE: def('FLAG', 1, 0, 1, 'C', 'единое пособие не учитывается в доходе (с 2025 г.)'),
  EXTENSION_MAX_PERCENT_OF_TERM: def('PERCENT', 50, 0, 100, 'C', 'продление, не более % первоначального срока'),
  MONTHLY_REPORT_DUE_WORKING_DAY: def('WORKING_DAYS', 5, 1, 20, 'U', 'отчёт за месяц — до N-го рабочего дня следующего месяца'),
  CONTROL_VISITS_PER_MONTH: def('COUNT', 1, 0, 4, 'C', 'контрольных посещений в месяц'),
  EFFECTIVENESS_DUE_MONTHS: def('MONTHS', 5, 0, 12, 'S', 'заключение об эффективности — не позднее N месяцев после окончания'),
  POST_MONITORING_MONTHS: def('MONTHS', 12, 0, 36, 'C', 'мониторинг после окончания контракта'),
  POST_MONITORING_CHECKPOINT_MONTHS: def('MONTHS', 3, 1, 12, 'U', 'периодичность контрольных точек мониторинга'),
  REPAYMENT_DAYS: def('DAYS', 90, 1, 365, 'U', 'срок добровольного возврата средств'),
  SOCIAL_SERVICE_AFTER_CONTRACT_MONTHS: def('MONTHS', 12, 0, 36, 'S', 'обслуживание в КЦСОН после окончания контракта'),
  LUMP_SUM_DUE_DAYS: def('DAYS', 30, 1, 90, 'U', 'срок перечисления единовременной выплаты после заключения'),
} as const satisfies Record<string, ParameterDefinition>;

export type ParameterCode = keyof typeof PARAMETER_DEFINITIONS;
export const PARAMETER_CODES = Object.keys(PARAMETER_DEFINITIONS) as ParameterCode[];

export const isParameterCode = (s: string): s is ParameterCode => s in PARAMETER_DEFINITIONS;

export function validateParameterValue(code: string, value: number, field = 'input.value'): ParameterCode {
  if (!isParameterCode(code)) throw new ValidationError('input.code', 'UNKNOWN_PARAMETER', `unknown parameter ${code}; known: ${PARAMETER_CODES.join(', ')}`);
  const d: ParameterDefinition = PARAMETER_DEFINITIONS[code];
  if (!Number.isInteger(value) || value < d.min || value > d.max) {
    throw new ValidationError(field, 'PARAMETER_RANGE', `${code} must be a whole number from ${d.min} to ${d.max} (${d.unit})`);
  }
  return code;
}

export interface ParameterValue {
  region: string;
  code: ParameterCode;
  validFrom: IsoDate;
  value: number;
}

/** The values in force on one day in one region: the latest `validFrom` on or before it, else the default. */
/** A parameter as shown to users: value in force, where it comes from, what it means. */
export interface ParameterView extends ParameterDefinition {
  code: ParameterCode;
  value: number;
  validFrom: IsoDate | null;
}

export class RegionalParameters {
  private readonly values = new Map<ParameterCode, number>();
  private readonly since = new Map<ParameterCode, IsoDate>();

  constructor(
    readonly region: string,
    readonly onDate: IsoDate,
    rows: readonly ParameterValue[],
  ) {
    const best = new Map<ParameterCode, ParameterValue>();
    for (const r of rows) {
      if (r.region !== region || r.validFrom > onDate) continue;
      const b = best.get(r.code);
      if (!b || r.validFrom > b.validFrom) best.set(r.code, r);
    }
    for (const [k, v] of best) {
      this.values.set(k, v.value);
      this.since.set(k, v.validFrom);
    }
  }

  view(): ParameterView[] {
    return PARAMETER_CODES.map((code) => ({ ...PARAMETER_DEFINITIONS[code], code, value: this.get(code), validFrom: this.since.get(code) ?? null }));
  }

  get(code: ParameterCode): number {
    return this.values.get(code) ?? PARAMETER_DEFINITIONS[code].defaultValue;
  }

  /** Defaults only: for unit specs and the seed. */
  static defaults(region = '25', onDate = '2026-01-01'): RegionalParameters {
    return new RegionalParameters(region, onDate, []);
  }
}

/** The region of a territory code (ОКТМО): its first two digits (25 = Иркутская область). */
export const regionOfTerritory = (territory: string): string => (/^\d{2}/.test(territory) ? territory.slice(0, 2) : territory);
