import { ruleOf } from '@sc/testing';
import type { PsaActivity } from '../../programmes/domain/psa-activity';
import { assessEffectiveness, commissionVerdict, type EffectivenessData } from './effectiveness';

const activity = (kind: PsaActivity['kind'], status: PsaActivity['status']): PsaActivity => ({
  id: `${kind}-${status}`,
  kind,
  description: kind,
  responsibleAgency: 'SOCIAL_PROTECTION',
  startDate: '2026-12-01',
  dueDate: '2027-03-01',
  status,
  standard: false,
  completedOn: status === 'DONE' ? '2027-02-01' : null,
  history: [],
});

const base: EffectivenessData = {
  direction: 'JOB_SEARCH',
  startDate: '2026-12-01',
  endDate: '2027-08-31',
  activities: [],
  employment: null,
  perCapitaIncomeBeforeKopecks: 1_000_000,
  perCapitaIncomeAfterKopecks: 1_500_000,
  activityIncomeAfterKopecks: null,
  subsistenceMinimumKopecks: 2_007_500,
  growthThresholdPercent: 0,
};
const employment = (contractDate: string) => ({
  confirmedOn: contractDate,
  employerInn: '3808000000',
  employerName: 'ООО «Байкал»',
  position: 'повар',
  wageKopecks: 4_000_000,
  contractDate,
});

describe('effectiveness criteria (seed 000 step 7, DOMAIN.md §3)', () => {
  it('JOB_SEARCH: an employment contract signed within the term, and income above the ПМ or grown', () => {
    expect(assessEffectiveness({ ...base, employment: employment('2027-03-01') })).toMatchObject({
      directionCriterion: 'EMPLOYED_IN_TERM',
      directionCriterionMet: true,
      incomeAboveSubsistenceMinimum: false,
      incomeGrewEnough: true,
      computedEffective: true,
    });
    // employed only after the term: the direction's result is not there
    expect(assessEffectiveness({ ...base, employment: employment('2027-09-02') }).computedEffective).toBe(false);
    // employed, but income did not rise and stays below the ПМ
    const flat = assessEffectiveness({
      ...base,
      employment: employment('2027-03-01'),
      perCapitaIncomeAfterKopecks: 1_000_000,
    });
    expect(flat).toMatchObject({ directionCriterionMet: true, incomeGrewEnough: false, computedEffective: false });
    // a regional threshold: 60 % growth required, 50 % is not enough; above the ПМ is enough on its own
    const t = { ...base, employment: employment('2027-03-01'), growthThresholdPercent: 60 };
    expect(assessEffectiveness(t).computedEffective).toBe(false);
    expect(assessEffectiveness({ ...t, perCapitaIncomeAfterKopecks: 2_100_000 }).computedEffective).toBe(true);
  });

  it('BUSINESS: registration as ИП / НПД done; SUBSIDIARY_FARM: registration if planned, and income from the plot', () => {
    const business = { ...base, direction: 'BUSINESS' as const };
    expect(
      assessEffectiveness({ ...business, activities: [activity('BUSINESS_REGISTRATION', 'DONE')] }).computedEffective,
    ).toBe(true);
    expect(
      assessEffectiveness({ ...business, activities: [activity('BUSINESS_REGISTRATION', 'FAILED')] }).directionEvidence,
    ).toBe('регистрация ИП / НПД не выполнена');
    const farm = { ...base, direction: 'SUBSIDIARY_FARM' as const };
    expect(assessEffectiveness({ ...farm, activityIncomeAfterKopecks: 800_000 })).toMatchObject({
      directionCriterion: 'FARM_INCOME',
      directionCriterionMet: true,
      directionEvidence: 'НПД зарегистрирован ранее; доход от ЛПХ 8000.00 ₽ в месяц',
    });
    expect(assessEffectiveness({ ...farm, activityIncomeAfterKopecks: 0 }).directionCriterionMet).toBe(false);
    expect(
      assessEffectiveness({
        ...farm,
        activityIncomeAfterKopecks: 800_000,
        activities: [activity('BUSINESS_REGISTRATION', 'IN_PROGRESS')],
      }).directionCriterionMet,
    ).toBe(false);
  });

  it('HARDSHIP: every measure of the ПСА carried out', () => {
    const hardship = { ...base, direction: 'HARDSHIP' as const };
    const done = [activity('HARDSHIP_MEASURE', 'DONE'), activity('FINANCIAL_LITERACY', 'DONE')];
    expect(assessEffectiveness({ ...hardship, activities: done }).computedEffective).toBe(true);
    expect(
      assessEffectiveness({ ...hardship, activities: [...done, activity('HARDSHIP_MEASURE', 'FAILED')] })
        .directionEvidence,
    ).toBe('не выполнено мероприятий ПСА: 1 из 3');
  });

  it('the commission follows the figures, or departs from them only with a stated reason', () => {
    const figures = assessEffectiveness(base);
    expect(figures.computedEffective).toBe(false);
    expect(commissionVerdict(figures, null, null)).toEqual({ effective: false, departureReason: null });
    expect(ruleOf(() => commissionVerdict(figures, true, '  '))).toBe('DEPARTURE_REASON_REQUIRED');
    expect(ruleOf(() => commissionVerdict(figures, false, 'согласны'))).toBe('NOT_APPLICABLE');
    expect(commissionVerdict(figures, true, ' трудоустроена после срока ')).toEqual({
      effective: true,
      departureReason: 'трудоустроена после срока',
    });
  });
});
