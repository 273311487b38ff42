import { addMonthsToMonth, monthOf, type IsoDate, type IsoMonth } from '@sc/kernel';
import type { RegionalParameters } from '../../parameters/domain/regional-parameters';
import type { SubsistenceMinimum, TerritorialZone } from '../../parameters/domain/subsistence-minimum';
import type { HouseholdMember, IncomeKind } from './household';

/**
 * Расчётный период: the INCOME_PERIOD_MONTHS calendar months that end
 * INCOME_PERIOD_GAP_MONTHS before the month of application (application in
 * November 2026 → July, August, September 2026).
 */
export function incomePeriod(applicationDate: IsoDate, p: RegionalParameters): IsoMonth[] {
  const months = p.get('INCOME_PERIOD_MONTHS');
  const last = addMonthsToMonth(monthOf(applicationDate), -(1 + p.get('INCOME_PERIOD_GAP_MONTHS')));
  return Array.from({ length: months }, (_, i) => addMonthsToMonth(last, i - months + 1));
}

export interface MeansTestResult {
  periodFrom: IsoMonth;
  periodTo: IsoMonth;
  months: number;
  members: number;
  totalIncomeKopecks: number;
  excludedIncomeKopecks: number;
  excludedKinds: IncomeKind[];
  perCapitaIncomeKopecks: number;
  subsistenceMinimumKopecks: number;
  subsistenceMinimumYear: number;
  zone: TerritorialZone;
  region: string;
  eligible: boolean;
  computedOn: IsoDate;
}

/** Kinds excluded from income by a rule in force (the unified child allowance since 2025). */
export function excludedIncomeKinds(p: RegionalParameters): IncomeKind[] {
  return p.get('EXCLUDE_UNIFIED_CHILD_ALLOWANCE') === 1 ? ['UNIFIED_CHILD_ALLOWANCE'] : [];
}

/**
 * Среднедушевой доход (DOMAIN.md §2.1.2): the household's income over the
 * period, excluding excluded kinds, divided by the months and the members,
 * rounded down to the kopeck; eligible only strictly below the per-capita ПМ.
 */
export function runMeansTest(a: {
  applicationDate: IsoDate;
  household: readonly HouseholdMember[];
  pm: SubsistenceMinimum;
  params: RegionalParameters;
}): MeansTestResult {
  const period = incomePeriod(a.applicationDate, a.params);
  const excluded = excludedIncomeKinds(a.params);
  let total = 0;
  let excludedTotal = 0;
  for (const m of a.household) {
    for (const inc of m.incomes) {
      if (!period.includes(inc.month)) continue;
      if (excluded.includes(inc.kind)) excludedTotal += inc.amountKopecks;
      else total += inc.amountKopecks;
    }
  }
  const members = a.household.length;
  const perCapita = Math.floor(total / period.length / members);
  return {
    periodFrom: period[0]!,
    periodTo: period[period.length - 1]!,
    months: period.length,
    members,
    totalIncomeKopecks: total,
    excludedIncomeKopecks: excludedTotal,
    excludedKinds: excluded,
    perCapitaIncomeKopecks: perCapita,
    subsistenceMinimumKopecks: a.pm.perCapita,
    subsistenceMinimumYear: a.pm.year,
    zone: a.pm.zone,
    region: a.pm.region,
    eligible: perCapita < a.pm.perCapita,
    computedOn: a.applicationDate,
  };
}
