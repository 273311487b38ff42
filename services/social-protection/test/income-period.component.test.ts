import { ManualClock } from '@sc/kernel';
import { serviceUnderTest, tokenFor, validSnils, TEST_NEEDS } from '@sc/testing';
import { createSocialProtectionServer } from '../src/server';

/**
 * Расчётный период (issue 16, item 8): a form asks ЦСПН which months of income
 * to collect for an application of a given day, and each application shows
 * its own period — under the parameters in force on its day, so a later
 * change of the rule does not move an application already made.
 */
describe('ЦСПН income period (component, real PostgreSQL)', () => {
  const clock = new ManualClock('2026-11-23T03:00:00Z');
  const sut = serviceUnderTest({
    name: 'social-protection',
    create: createSocialProtectionServer,
    clock,
    caller: { agency: 'SOCIAL_PROTECTION', roles: ['SPECIALIST'], subject: 'spec-1' },
  });
  const PERIOD = `query($d: Date) { scIncomePeriod(applicationDate: $d) { applicationDate from to months } }`;
  const SUBMIT = `mutation($i: SubmitScApplicationInput!) {
    submitScApplication(input: $i) { id incomePeriod { applicationDate from to months } } }`;
  const submit = (months: string[]) =>
    sut.ok(SUBMIT, {
      i: {
        citizen: {
          snils: validSnils(9100 + months.length),
          lastName: 'Периодова',
          firstName: 'Анна',
          birthDate: '1990-01-01',
        },
        zone: 'WHOLE_REGION',
        needs: TEST_NEEDS,
        household: [
          {
            relation: 'APPLICANT',
            fullName: 'Периодова Анна',
            birthDate: '1990-01-01',
            incomes: months.map((month) => ({ month, kind: 'WAGES', amountKopecks: 1_000_000 })),
          },
        ],
      },
    });

  it('gives the months a form asks for, today by default, and the same period on the application made that day', async () => {
    const today = (await sut.ok(PERIOD, {})).scIncomePeriod;
    expect(today).toEqual({
      applicationDate: '2026-11-23',
      from: '2026-07',
      to: '2026-09',
      months: ['2026-07', '2026-08', '2026-09'],
    });
    expect((await submit(today.months)).submitScApplication.incomePeriod).toEqual(today);
  });

  it('follows the dated parameters: a longer period from a date on, the application made before keeps its own', async () => {
    const admin = await tokenFor('SOCIAL_PROTECTION', ['ADMIN'], 'admin-1');
    const set = `mutation($i: SetRegionalParameterInput!) { setRegionalParameter(input: $i) { code } }`;
    await sut.ok(set, { i: { code: 'INCOME_PERIOD_MONTHS', value: 6, validFrom: '2027-03-01' } }, admin);
    await sut.ok(set, { i: { code: 'INCOME_PERIOD_GAP_MONTHS', value: 0, validFrom: '2027-03-01' } }, admin);
    expect((await sut.ok(PERIOD, { d: '2027-03-15' })).scIncomePeriod.months).toEqual([
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
    ]);
    expect((await sut.ok(PERIOD, { d: '2027-02-28' })).scIncomePeriod.months).toEqual([
      '2026-10',
      '2026-11',
      '2026-12',
    ]);
    const LIST = `{ scApplications { edges { node { incomePeriod { applicationDate months } } } } }`;
    expect((await sut.ok(LIST)).scApplications.edges.map((e: any) => e.node.incomePeriod)).toEqual([
      { applicationDate: '2026-11-23', months: ['2026-07', '2026-08', '2026-09'] },
    ]);
  });

  it('refuses an implausible date, a malformed one, and callers outside ЦСПН case work', async () => {
    const err = async (v: Record<string, unknown>, token = sut.token) =>
      (await sut.call(PERIOD, v, token)).errors?.[0]?.extensions;
    expect(await err({ d: '1999-12-31' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'applicationDate',
      rule: 'PLAUSIBLE_DATE',
    });
    expect(await err({ d: '2028-01-01' })).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'PLAUSIBLE_DATE' });
    expect(await err({ d: '2026-02-30' })).toMatchObject({ code: 'BAD_USER_INPUT' });
    const employment = await tokenFor('EMPLOYMENT', ['SPECIALIST'], 'czn-1');
    expect(await err({}, employment)).toMatchObject({ code: 'FORBIDDEN' });
  });
});
