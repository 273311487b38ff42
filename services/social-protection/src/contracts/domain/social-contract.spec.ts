import { IllegalTransitionError } from '@sc/kernel';
import { RegionalParameters } from '../../parameters/domain/regional-parameters';
import {
  AdaptationProgramme,
  assertProgrammeApproved,
  type DraftProgrammeInput,
} from '../../programmes/domain/adaptation-programme';
import { applyEmploymentEvent } from '../../partner-reports/domain/partner-event';
import { SocialContract } from './social-contract';

const params = RegionalParameters.defaults();
const now = new Date('2026-11-30T10:00:00Z');
const programme = (over: Partial<DraftProgrammeInput> = {}) => {
  const p = AdaptationProgramme.draft({
    applicationId: 'a',
    citizenId: 'c',
    territory: '25607000',
    input: {
      direction: 'JOB_SEARCH',
      termMonths: 9,
      plannedStart: '2026-12-01',
      activities: [
        {
          kind: 'EMPLOYMENT',
          description: 'Трудоустройство',
          responsibleAgency: 'EMPLOYMENT',
          startDate: '2026-12-01',
          dueDate: '2027-05-31',
        },
      ],
      ...over,
    },
    params,
    earliestStart: '2026-11-01',
    answerBy: '2026-11-30',
    by: 'x',
    now,
  });
  p.apply('submit');
  p.apply('approve');
  return p;
};
const conclude = (over: Partial<DraftProgrammeInput> = {}, startDate = '2026-12-01') =>
  SocialContract.conclude({
    number: 'СК-1',
    programme: programme(over),
    applicationId: 'a',
    citizenId: 'c',
    territory: '25607000',
    region: '25',
    zone: 'WHOLE_REGION',
    signedOn: '2026-11-30',
    startDate,
    pm: { year: 2026, workingAgeKopecks: 2_188_200 },
    perCapitaIncomeBeforeKopecks: 1_500_000,
    params,
    now,
  });
const codeOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return (e as { code: string }).code;
  }
  return 'no error';
};

describe('social contract (DOMAIN.md §3, §4.2)', () => {
  it('cannot be concluded without a programme approved by the commission', () => {
    const draft = AdaptationProgramme.draft({
      applicationId: 'a',
      citizenId: 'c',
      territory: '25607000',
      input: {
        direction: 'HARDSHIP',
        termMonths: 6,
        plannedStart: '2026-12-01',
        hardshipPaymentMode: 'MONTHLY',
        activities: [
          {
            kind: 'OTHER',
            description: 'x',
            responsibleAgency: 'SOCIAL_PROTECTION',
            startDate: '2026-12-01',
            dueDate: '2027-01-01',
          },
        ],
      },
      params,
      earliestStart: '2026-11-01',
      answerBy: '2026-11-30',
      by: 'x',
      now,
    });
    expect(codeOf(() => assertProgrammeApproved(draft))).toBe('PROGRAMME_NOT_APPROVED');
    expect(codeOf(() => assertProgrammeApproved(null))).toBe('PROGRAMME_NOT_APPROVED');
  });

  it('JOB_SEARCH: one payment for the month of conclusion, three more released by ЦЗН’s employment confirmation', () => {
    const c = conclude();
    expect(c).toMatchObject({
      status: 'SIGNED',
      startDate: '2026-12-01',
      endDate: '2027-08-31',
      monthlyPaymentKopecks: 2_188_200,
    });
    expect(c.payments.map((p) => [p.status, p.dueDate])).toEqual([
      ['SCHEDULED', '2026-12-01'],
      ['AWAITING_EMPLOYMENT', null],
      ['AWAITING_EMPLOYMENT', null],
      ['AWAITING_EMPLOYMENT', null],
    ]);
    expect(codeOf(() => c.recordPayment(2, '2026-12-02', now))).toBe('PAYMENT_AWAITS_EMPLOYMENT');
    c.recordPayment(1, '2026-12-01', now);
    expect(c.status).toBe('ACTIVE');
    const ev = applyEmploymentEvent(
      {
        eventId: 'e1',
        citizenId: 'c',
        kind: 'EMPLOYED',
        occurredOn: '2027-03-10',
        employment: {
          employerInn: '500100732259',
          contractDate: '2027-03-10',
          position: 'повар',
          wageKopecks: 4_500_000,
        },
      },
      c,
      now,
    );
    expect(ev.effect).toContain('payments released');
    expect(c.activities.find((a) => a.kind === 'EMPLOYMENT')?.status).toBe('DONE');
    expect(c.payments.slice(1).map((p) => [p.status, p.dueDate])).toEqual([
      ['SCHEDULED', '2027-03-10'],
      ['SCHEDULED', '2027-04-10'],
      ['SCHEDULED', '2027-05-10'],
    ]);
  });

  it('BUSINESS pays the business plan as a lump sum; training is paid to the provider', () => {
    const c = conclude({
      direction: 'BUSINESS',
      termMonths: 12,
      businessPlan: {
        summary: 'Пошив одежды',
        activityForm: 'SELF_EMPLOYED',
        amountRequestedKopecks: 30_000_000,
        items: [{ name: 'оборудование', amountKopecks: 30_000_000 }],
      },
      activities: [
        {
          kind: 'VOCATIONAL_TRAINING',
          description: 'Курсы',
          responsibleAgency: 'EMPLOYMENT',
          startDate: '2026-12-10',
          dueDate: '2027-02-28',
          costKopecks: 2_500_000,
        },
      ],
    });
    expect(c.payments.map((p) => [p.kind, p.amountKopecks, p.dueDate])).toEqual([
      ['LUMP_SUM', 30_000_000, '2026-12-31'],
      ['TRAINING', 2_500_000, '2026-12-10'],
    ]);
  });

  it('refuses activities outside the contract when the start moves from the planned one', () => {
    expect(codeOf(() => conclude({}, '2027-01-15'))).toBe('ACTIVITY_WITHIN_CONTRACT');
  });

  it('extends once, in the final month, by at most half the original term', () => {
    const c = conclude();
    c.start(now);
    const ext = (newEndDate: string, today: string) => () =>
      c.extend({
        newEndDate,
        reasonKind: 'ILLNESS_OVER_MONTH',
        reason: 'больничный 5 недель',
        today,
        by: 'head',
        params,
        now,
      });
    expect(codeOf(ext('2027-10-31', '2027-05-01'))).toBe('EXTENSION_OUTSIDE_FINAL_MONTH');
    expect(codeOf(ext('2028-01-31', '2027-08-15'))).toBe('EXTENSION_MAX_HALF_TERM');
    ext('2028-01-15', '2027-08-15')();
    expect(c).toMatchObject({ status: 'EXTENDED', endDate: '2028-01-15', originalEndDate: '2027-08-31' });
    expect(() => ext('2028-01-20', '2028-01-01')()).toThrow(IllegalTransitionError);
  });

  it('runs to the end, evaluation, 12 months of monitoring with quarterly checkpoints, then closes', () => {
    const c = conclude();
    c.start(now);
    expect(codeOf(() => c.endTerm('2027-08-31', now))).toBe('TERM_NOT_OVER');
    c.endTerm('2027-09-01', now);
    expect(c.payments.filter((p) => p.status === 'CANCELLED')).toHaveLength(3);
    const e = c.evaluate({
      effective: true,
      perCapitaIncomeAfterKopecks: 2_250_000,
      conclusion: 'трудоустроена',
      today: '2027-09-20',
      by: 'mvk',
      params,
      now,
    });
    expect(e).toMatchObject({ incomeIncreased: true, perCapitaIncomeBeforeKopecks: 1_500_000, dueDate: '2028-01-31' });
    expect(c.status).toBe('EVALUATED_EFFECTIVE');
    const pm = c.startPostMonitoring(params, now);
    expect(pm).toMatchObject({ startDate: '2027-09-01', endDate: '2028-08-31' });
    expect(pm.checkpoints.map((x) => x.dueDate)).toEqual(['2027-11-30', '2028-02-29', '2028-05-31', '2028-08-31']);
    expect(codeOf(() => c.close('2028-01-01', now))).toBe('MONITORING_NOT_FINISHED');
    for (const cp of pm.checkpoints)
      c.recordCheckpoint(
        cp.no,
        { doneOn: cp.dueDate, format: 'REMOTE', employed: true, perCapitaIncomeKopecks: 2_300_000 },
        '2028-09-01',
      );
    c.close('2028-09-01', now);
    expect(c.status).toBe('CLOSED');
  });

  it('early termination for misuse demands repayment of what was paid, then court after the deadline', () => {
    const c = conclude();
    c.recordPayment(1, '2026-12-01', now);
    c.terminate({ ground: 'MISUSE_OF_FUNDS', today: '2027-01-15', by: 'head', params, now });
    expect(c.status).toBe('REPAYMENT_DUE');
    expect(c.repayment).toMatchObject({ amountKopecks: 2_188_200, dueDate: '2027-04-15' });
    expect(codeOf(() => c.referToCourt('2027-04-15', now))).toBe('REPAYMENT_NOT_OVERDUE');
    c.referToCourt('2027-04-16', now);
    expect(c.status).toBe('COURT_RECOVERY');
    c.close('2027-06-01', now);
    expect(c.status).toBe('CLOSED');
  });

  it('illegal transitions name the state and the action', () => {
    const c = conclude();
    expect(() =>
      c.evaluate({
        effective: true,
        perCapitaIncomeAfterKopecks: 1,
        conclusion: 'x',
        today: '2027-01-01',
        by: 'x',
        params,
        now,
      }),
    ).toThrow('SocialContract in state SIGNED cannot evaluateEffective');
    c.terminate({ ground: 'OWN_REQUEST', today: '2026-12-05', by: 'head', params, now });
    expect(c.status).toBe('TERMINATED_EARLY');
    expect(() => c.start(now)).toThrow(IllegalTransitionError);
  });

  it('holder’s death: suspended pending succession, continued by an adult family member', () => {
    const c = conclude();
    c.start(now);
    c.suspendForSuccession('смерть получателя', now);
    expect(c.status).toBe('SUCCESSION_PENDING');
    c.continueWithSuccessor('Иванов Иван (супруг)', '2027-02-01', 'head', now);
    expect(c.status).toBe('ACTIVE');
  });
});
