import { ValidationError, type IsoDate } from '@sc/kernel';
import type { ScDirection } from '../../programmes/domain/sc-direction';
import type { PsaActivity } from '../../programmes/domain/psa-activity';

/**
 * Критерии эффективности социального контракта (seed 000 step 7, seed 003,
 * DOMAIN.md §3), computed from the data so the commission decides on figures,
 * not impressions:
 * - the direction's result: JOB_SEARCH — an employment contract signed within
 *   the term (confirmed by ЦЗН); BUSINESS — registration as ИП / НПД done;
 *   SUBSIDIARY_FARM — registration as НПД done where the ПСА planned it, and
 *   income from the plot; HARDSHIP — every ПСА measure carried out;
 * - and income: per-capita income after above the ПМ, or grown over the
 *   per-capita income before by more than EFFECTIVENESS_INCOME_GROWTH_PERCENT.
 */
export type DirectionCriterion = 'EMPLOYED_IN_TERM' | 'BUSINESS_REGISTERED' | 'FARM_INCOME' | 'HARDSHIP_MEASURES_DONE';

export interface EffectivenessFigures {
  direction: ScDirection;
  directionCriterion: DirectionCriterion;
  directionCriterionMet: boolean;
  /** What the data show for the direction's result, in words (the minutes quote it). */
  directionEvidence: string;
  perCapitaIncomeBeforeKopecks: number;
  perCapitaIncomeAfterKopecks: number;
  /** Прожиточный минимум на душу населения in force on the day of the conclusion (region, zone, year). */
  subsistenceMinimumKopecks: number;
  growthThresholdPercent: number;
  /** Income from the business or the plot a month after the contract, where the commission recorded it. */
  activityIncomeAfterKopecks: number | null;
  incomeAboveSubsistenceMinimum: boolean;
  incomeGrewEnough: boolean;
  computedEffective: boolean;
}

export interface EffectivenessData {
  direction: ScDirection;
  startDate: IsoDate;
  endDate: IsoDate;
  activities: readonly PsaActivity[];
  /** ЦЗН's confirmation (the contract's Employment; named here by shape, the contract's terms refer to this module). */
  employment?: {
    contractDate: IsoDate;
    confirmedOn: IsoDate;
    employerInn: string;
    employerName?: string | null;
  } | null;
  perCapitaIncomeBeforeKopecks: number;
  perCapitaIncomeAfterKopecks: number;
  activityIncomeAfterKopecks: number | null;
  subsistenceMinimumKopecks: number;
  growthThresholdPercent: number;
}

const kopecks = (k: number): string => `${(k / 100).toFixed(2)} ₽`;

function directionResult(
  d: EffectivenessData,
): Pick<EffectivenessFigures, 'directionCriterion' | 'directionCriterionMet' | 'directionEvidence'> {
  const registration = d.activities.find((a) => a.kind === 'BUSINESS_REGISTRATION');
  switch (d.direction) {
    case 'JOB_SEARCH': {
      const e = d.employment;
      const met = Boolean(e && e.contractDate >= d.startDate && e.contractDate <= d.endDate);
      return {
        directionCriterion: 'EMPLOYED_IN_TERM',
        directionCriterionMet: met,
        directionEvidence: e
          ? `трудовой договор от ${e.contractDate} (${e.employerName ?? `ИНН ${e.employerInn}`}), подтверждён ЦЗН ${e.confirmedOn}`
          : 'трудоустройство ЦЗН не подтверждено',
      };
    }
    case 'BUSINESS':
      return {
        directionCriterion: 'BUSINESS_REGISTERED',
        directionCriterionMet: registration?.status === 'DONE',
        directionEvidence:
          registration?.status === 'DONE'
            ? `регистрация ИП / НПД выполнена ${registration.completedOn ?? ''}`.trim()
            : 'регистрация ИП / НПД не выполнена',
      };
    case 'SUBSIDIARY_FARM': {
      const registered = !registration || registration.status === 'DONE';
      const income = (d.activityIncomeAfterKopecks ?? 0) > 0;
      return {
        directionCriterion: 'FARM_INCOME',
        directionCriterionMet: registered && income,
        directionEvidence: `${registration ? (registered ? 'регистрация НПД выполнена' : 'регистрация НПД не выполнена') : 'НПД зарегистрирован ранее'}; доход от ЛПХ ${kopecks(d.activityIncomeAfterKopecks ?? 0)} в месяц`,
      };
    }
    case 'HARDSHIP': {
      const open = d.activities.filter((a) => a.status !== 'DONE');
      return {
        directionCriterion: 'HARDSHIP_MEASURES_DONE',
        directionCriterionMet: open.length === 0,
        directionEvidence: open.length
          ? `не выполнено мероприятий ПСА: ${open.length} из ${d.activities.length}`
          : `выполнены все мероприятия ПСА (${d.activities.length})`,
      };
    }
  }
}

/** The computed conclusion and the figures behind it. */
export function assessEffectiveness(d: EffectivenessData): EffectivenessFigures {
  const result = directionResult(d);
  const incomeAboveSubsistenceMinimum = d.perCapitaIncomeAfterKopecks > d.subsistenceMinimumKopecks;
  const incomeGrewEnough =
    d.perCapitaIncomeAfterKopecks * 100 > d.perCapitaIncomeBeforeKopecks * (100 + d.growthThresholdPercent);
  return {
    direction: d.direction,
    ...result,
    perCapitaIncomeBeforeKopecks: d.perCapitaIncomeBeforeKopecks,
    perCapitaIncomeAfterKopecks: d.perCapitaIncomeAfterKopecks,
    subsistenceMinimumKopecks: d.subsistenceMinimumKopecks,
    growthThresholdPercent: d.growthThresholdPercent,
    activityIncomeAfterKopecks: d.activityIncomeAfterKopecks,
    incomeAboveSubsistenceMinimum,
    incomeGrewEnough,
    computedEffective: result.directionCriterionMet && (incomeAboveSubsistenceMinimum || incomeGrewEnough),
  };
}

/**
 * The commission's decision against the computed one: it may depart from the
 * figures only with a stated reason; without a decision of its own it takes
 * the computed result.
 */
export function commissionVerdict(
  figures: EffectivenessFigures,
  decided: boolean | null | undefined,
  departureReason: string | null | undefined,
): { effective: boolean; departureReason: string | null } {
  const reason = departureReason?.trim() || null;
  const effective = decided ?? figures.computedEffective;
  if (effective !== figures.computedEffective && !reason)
    throw new ValidationError(
      'input.departureReason',
      'DEPARTURE_REASON_REQUIRED',
      `the figures say ${figures.computedEffective ? 'effective' : 'not effective'}: state why the commission decides otherwise`,
    );
  if (effective === figures.computedEffective && reason)
    throw new ValidationError(
      'input.departureReason',
      'NOT_APPLICABLE',
      'the commission follows the figures: there is nothing to depart from',
    );
  return { effective, departureReason: reason };
}
