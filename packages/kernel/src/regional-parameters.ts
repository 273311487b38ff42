import { ValidationError } from './errors';
import type { IsoDate } from './calendar-date';

/**
 * Regional parameters: amounts, terms and deadlines that are data a
 * regional administrator changes, dated by `validFrom` so the rule in force
 * on a given day is reproducible. Each service declares its own definitions
 * (unit, range, default, DOMAIN.md's confidence tag C/S/U); the values live
 * in its `regional_parameter` table.
 */
export type ParameterUnit =
  'MONTHS' | 'DAYS' | 'WORKING_DAYS' | 'KOPECKS' | 'PERCENT' | 'COUNT' | 'FLAG' | 'MINUTES' | 'HOURS';

export interface ParameterDefinition {
  unit: ParameterUnit;
  defaultValue: number;
  min: number;
  max: number;
  status: 'C' | 'S' | 'U';
  description: string;
}

export const defineParameter = (
  unit: ParameterUnit,
  defaultValue: number,
  min: number,
  max: number,
  status: ParameterDefinition['status'],
  description: string,
): ParameterDefinition => ({
  unit,
  defaultValue,
  min,
  max,
  status,
  description,
});

export interface ParameterValue<C extends string = string> {
  region: string;
  code: C;
  validFrom: IsoDate;
  value: number;
}

/** A parameter as shown to users: value in force, where it comes from, what it means. */
export interface ParameterView<C extends string = string> extends ParameterDefinition {
  code: C;
  value: number;
  validFrom: IsoDate | null;
}

/** The values in force on one day in one region: the latest `validFrom` on or before it, else the default. */
export class RegionalParameterSet<C extends string> {
  private readonly values = new Map<C, ParameterValue<C>>();

  constructor(
    private readonly defs: Record<C, ParameterDefinition>,
    readonly region: string,
    readonly onDate: IsoDate,
    rows: readonly ParameterValue<string>[],
  ) {
    for (const r of rows) {
      if (r.region !== region || r.validFrom > onDate || !(r.code in defs)) continue;
      const b = this.values.get(r.code as C);
      if (!b || r.validFrom > b.validFrom) this.values.set(r.code as C, r as ParameterValue<C>);
    }
  }

  get(code: C): number {
    return this.values.get(code)?.value ?? this.defs[code].defaultValue;
  }

  view(): ParameterView<C>[] {
    return (Object.keys(this.defs) as C[]).map((code) => ({
      ...this.defs[code],
      code,
      value: this.get(code),
      validFrom: this.values.get(code)?.validFrom ?? null,
    }));
  }
}

/**
 * The parameter-set class of one service: its definitions bound, and
 * `defaults()` (no stored rows: every parameter at its default) for unit
 * specs and seeds. `class XParameters extends parameterSetOf(X_DEFINITIONS) {}`.
 */
export function parameterSetOf<C extends string>(defs: Record<C, ParameterDefinition>) {
  return class extends RegionalParameterSet<C> {
    constructor(region: string, onDate: IsoDate, rows: readonly ParameterValue<string>[]) {
      super(defs, region, onDate, rows);
    }
    static defaults<T>(
      this: new (region: string, onDate: IsoDate, rows: []) => T,
      region = '25',
      onDate = '2026-01-01',
    ): T {
      return new this(region, onDate, []);
    }
  };
}

export function validateParameterValue<C extends string>(
  defs: Record<C, ParameterDefinition>,
  code: string,
  value: number,
  field = 'input.value',
): C {
  if (!(code in defs))
    throw new ValidationError(
      'input.code',
      'UNKNOWN_PARAMETER',
      `unknown parameter ${code}; known: ${Object.keys(defs).join(', ')}`,
    );
  const d = defs[code as C];
  if (!Number.isInteger(value) || value < d.min || value > d.max) {
    throw new ValidationError(
      field,
      'PARAMETER_RANGE',
      `${code} must be a whole number from ${d.min} to ${d.max} (${d.unit})`,
    );
  }
  return code as C;
}

/** The region of a territory code (ОКТМО): its first two digits (25 = Иркутская область). */
export const regionOfTerritory = (territory: string): string =>
  /^\d{2}/.test(territory) ? territory.slice(0, 2) : territory;

/**
 * The statistics' disclosure threshold, declared once and spread into each
 * service's parameters: a district-level count from 1 to k−1 is hidden from
 * analysts and the ministry (issue 11; k = 5 is common practice, [U]).
 */
export const STATISTICS_PARAMETER_DEFINITIONS = {
  STATISTICS_MIN_CELL: defineParameter(
    'COUNT',
    5,
    2,
    100,
    'U',
    'порог k: в статистике для аналитиков и министерства значения от 1 до k−1 на уровне района скрываются',
  ),
};

/** The deadline checks of every agency (issue 13): how early a specialist hears that a deadline is near. */
export const NOTIFICATION_PARAMETER_DEFINITIONS = {
  DEADLINE_WARNING_DAYS: defineParameter(
    'DAYS',
    3,
    0,
    30,
    'U',
    'за сколько дней до срока напоминать специалисту (0 — только о пропуске)',
  ),
};
