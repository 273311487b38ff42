import { ValidationError } from '@sc/kernel';
import { RegionalParameters } from '../../parameters/domain/regional-parameters';
import { IRKUTSK_SUBSISTENCE_MINIMA, pickSubsistenceMinimum } from '../../parameters/domain/subsistence-minimum';
import { validateHousehold, type HouseholdMemberInput } from './household';
import { incomePeriod, runMeansTest } from './means-test';

const params = RegionalParameters.defaults('25', '2026-11-23');
const pm = pickSubsistenceMinimum(IRKUTSK_SUBSISTENCE_MINIMA, '25', 'WHOLE_REGION', 2026);
const period = incomePeriod('2026-11-23', params);
const wages = (amount: number) => period.map((month) => ({ month, kind: 'WAGES' as const, amountKopecks: amount }));

const family = (applicantWage: number, extra: HouseholdMemberInput['incomes'] = []): HouseholdMemberInput[] => [
  {
    relation: 'APPLICANT',
    fullName: 'Иванова Мария Петровна',
    birthDate: '1988-04-12',
    incomes: [...wages(applicantWage), ...extra],
  },
  { relation: 'CHILD', fullName: 'Иванов Пётр', birthDate: '2015-01-10', incomes: [] },
];

describe('means test (DOMAIN.md §2.1.2)', () => {
  it('takes the three months ending one month before the application month', () => {
    expect(period).toEqual(['2026-07', '2026-08', '2026-09']);
  });

  it('is eligible strictly below the per-capita ПМ and shows the figures used', () => {
    const r = runMeansTest({
      applicationDate: '2026-11-23',
      household: validateHousehold(family(3_000_000), period, '2026-11-23'),
      pm,
      params,
    });
    expect(r).toMatchObject({
      months: 3,
      members: 2,
      totalIncomeKopecks: 9_000_000,
      perCapitaIncomeKopecks: 1_500_000,
      subsistenceMinimumKopecks: 2_007_500,
      subsistenceMinimumYear: 2026,
      eligible: true,
    });
  });

  it('is not eligible at exactly the ПМ', () => {
    const r = runMeansTest({
      applicationDate: '2026-11-23',
      household: validateHousehold(family(4_015_000), period, '2026-11-23'),
      pm,
      params,
    });
    expect(r.perCapitaIncomeKopecks).toBe(2_007_500);
    expect(r.eligible).toBe(false);
  });

  it('excludes the unified child allowance from 2025, and counts it where the rule is off', () => {
    const ep = period.map((month) => ({ month, kind: 'UNIFIED_CHILD_ALLOWANCE' as const, amountKopecks: 2_000_000 }));
    const hh = validateHousehold(family(3_000_000, ep), period, '2026-11-23');
    const r = runMeansTest({ applicationDate: '2026-11-23', household: hh, pm, params });
    expect(r).toMatchObject({
      perCapitaIncomeKopecks: 1_500_000,
      excludedIncomeKopecks: 6_000_000,
      excludedKinds: ['UNIFIED_CHILD_ALLOWANCE'],
      eligible: true,
    });
    const before = new RegionalParameters('25', '2024-06-01', [
      { region: '25', code: 'EXCLUDE_UNIFIED_CHILD_ALLOWANCE', validFrom: '2024-01-01', value: 0 },
    ]);
    expect(
      runMeansTest({ applicationDate: '2026-11-23', household: hh, pm, params: before }).perCapitaIncomeKopecks,
    ).toBe(2_500_000);
  });

  it('refuses an empty household, a second applicant, an adult CHILD and income outside the period, naming the field', () => {
    const err = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e as ValidationError;
      }
      throw new Error('no error');
    };
    expect(err(() => validateHousehold([], period, '2026-11-23')).details).toMatchObject({
      field: 'input.household',
      rule: 'HOUSEHOLD_NOT_EMPTY',
    });
    expect(err(() => validateHousehold([...family(1), { ...family(1)[0]! }], period, '2026-11-23')).details.rule).toBe(
      'ONE_APPLICANT',
    );
    expect(
      err(() =>
        validateHousehold(
          [family(1)[0]!, { relation: 'CHILD', fullName: 'Сын', birthDate: '2000-01-01', incomes: [] }],
          period,
          '2026-11-23',
        ),
      ).details,
    ).toMatchObject({ field: 'input.household[1].relation', rule: 'CHILD_UNDER_18' });
    expect(
      err(() =>
        validateHousehold(family(1, [{ month: '2026-10', kind: 'WAGES', amountKopecks: 1 }]), period, '2026-11-23'),
      ).details,
    ).toMatchObject({ field: 'input.household[0].incomes[3].month', rule: 'INCOME_IN_PERIOD' });
    expect(err(() => validateHousehold(family(-5), period, '2026-11-23')).details.rule).toBe('AMOUNT_RANGE');
    expect(
      err(() => validateHousehold([{ ...family(1)[0]!, snils: '112-233-445 96' }], period, '2026-11-23')).details.rule,
    ).toBe('SNILS_CHECKSUM');
  });
});
