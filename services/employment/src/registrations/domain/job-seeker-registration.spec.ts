import { ruleOf } from '@sc/testing';
import { EmploymentParameters } from '../../parameters/domain/employment-parameters';
import { JobSeekerRegistration } from './job-seeker-registration';

const now = new Date('2026-12-01T03:00:00Z');
const needs = {
  socialHelp: false,
  psychologicalSupport: false,
  employmentHelp: true,
  vocationalTraining: true,
  financialLiteracy: false,
};
const register = (existing: JobSeekerRegistration[] = []) =>
  JobSeekerRegistration.register({
    citizenId: 'c',
    territory: '25607000',
    status: 'UNEMPLOYED',
    channel: 'WALK_IN',
    needs,
    education: 'SECONDARY_VOCATIONAL',
    experienceYears: 5,
    today: '2026-12-01',
    by: 'x',
    existing,
    contractHolder: true,
    now,
  });

describe('job-seeker registration (ЦЗН)', () => {
  it('is once per citizen at a time; a closed one does not block a new one', () => {
    const first = register();
    expect(first).toMatchObject({ status: 'UNEMPLOYED', category: 'LOW_INCOME_WITH_SOCIAL_CONTRACT' });
    expect(ruleOf(() => register([first]))).toBe('ONE_ACTIVE_REGISTRATION');
    first.deregister('переезд', '2026-12-10');
    expect(register([first]).status).toBe('UNEMPLOYED');
  });

  it('sets re-profiling 1.5 months (45 days) after profiling', () => {
    const r = register();
    r.profile(
      { profiledOn: '2026-12-02', result: 'NEEDS_TRAINING' },
      'x',
      '2026-12-02',
      EmploymentParameters.defaults(),
    );
    expect(r.nextProfilingDue).toBe('2027-01-16');
    expect(
      ruleOf(() =>
        r.profile(
          { profiledOn: '2026-11-30', result: 'NEEDS_TRAINING' },
          'x',
          '2026-12-02',
          EmploymentParameters.defaults(),
        ),
      ),
    ).toBe('DATE_ORDER');
  });

  it('confirms employment only with a valid employer ИНН and a contract date not in the future', () => {
    const r = register();
    const e = { employerInn: '500100732259', contractDate: '2026-12-05', position: 'повар', wageKopecks: 5_000_000 };
    expect(ruleOf(() => r.confirmEmployment({ ...e, employerInn: '500100732250' }, '2026-12-10', 'x'))).toBe(
      'INN_CHECKSUM',
    );
    expect(ruleOf(() => r.confirmEmployment({ ...e, employerInn: '12345' }, '2026-12-10', 'x'))).toBe('INN_FORMAT');
    expect(ruleOf(() => r.confirmEmployment({ ...e, contractDate: '2026-12-11' }, '2026-12-10', 'x'))).toBe(
      'NOT_IN_FUTURE',
    );
    r.confirmEmployment(e, '2026-12-10', 'x');
    expect(r).toMatchObject({ status: 'EMPLOYED', closedOn: '2026-12-10' });
    expect(() => r.deregister('x', '2026-12-11')).toThrow(/EMPLOYED cannot deregister/);
  });

  it('records vacancy offers with a validated employer ИНН and one answer each', () => {
    const r = register();
    expect(
      ruleOf(() =>
        r.offerVacancy(
          {
            employerName: 'ООО',
            employerInn: '7707083893',
            position: 'повар',
            wageKopecks: 1,
            offeredOn: '2026-12-01',
          },
          '2026-12-01',
          now,
        ),
      ),
    ).toBe('no error');
    const o = r.offerVacancy(
      {
        employerName: 'ИП',
        employerInn: '500100732259',
        position: 'кассир',
        wageKopecks: 4_000_000,
        offeredOn: '2026-12-01',
      },
      '2026-12-01',
      now,
    );
    r.respondToOffer(o.id, 'ACCEPTED', 'NOT_HIRED', '2026-12-03', null);
    expect(ruleOf(() => r.respondToOffer(o.id, 'DECLINED', null, '2026-12-04', null))).toBe('ONE_RESPONSE');
    expect(
      ruleOf(() =>
        r.offerVacancy(
          { employerName: 'X', employerInn: '7707083894', position: 'x', wageKopecks: 1, offeredOn: '2026-12-01' },
          '2026-12-01',
          now,
        ),
      ),
    ).toBe('INN_CHECKSUM');
  });
});
