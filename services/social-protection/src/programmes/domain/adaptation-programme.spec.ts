import { ruleOf } from '@sc/testing';
import { RegionalParameters } from '../../parameters/domain/regional-parameters';
import { AdaptationProgramme, type DraftProgrammeInput } from './adaptation-programme';
import { applyActivityEvent, failActivity, rescheduleActivity } from './psa-activity';

const params = RegionalParameters.defaults();
const now = new Date('2026-11-23T10:00:00Z');
const base: DraftProgrammeInput = {
  direction: 'JOB_SEARCH',
  termMonths: 9,
  plannedStart: '2026-12-01',
  activities: [
    {
      kind: 'VOCATIONAL_TRAINING',
      description: 'Повар',
      responsibleAgency: 'EMPLOYMENT',
      startDate: '2026-12-15',
      dueDate: '2027-03-31',
      costKopecks: 2_800_000,
    },
  ],
};
const draft = (over: Partial<DraftProgrammeInput>) =>
  AdaptationProgramme.draft({
    applicationId: 'a',
    citizenId: 'c',
    territory: '25607000',
    input: { ...base, ...over },
    params,
    earliestStart: '2026-11-20',
    answerBy: '2026-11-30',
    by: 'spec',
    now,
  });

describe('ПСА drafting rules (DOMAIN.md §3, §6)', () => {
  it('computes the end date and adds the standard activities (registration with ЦЗН, financial literacy)', () => {
    const p = draft({});
    expect(p.plannedEnd).toBe('2027-08-31');
    expect(p.activities.map((a) => [a.kind, a.responsibleAgency, a.standard])).toEqual([
      ['VOCATIONAL_TRAINING', 'EMPLOYMENT', false],
      ['JOB_SEEKER_REGISTRATION', 'EMPLOYMENT', true],
      ['FINANCIAL_LITERACY', 'SOCIAL_SERVICE', true],
    ]);
    expect(draft({ includeFinancialLiteracy: false }).activities.some((a) => a.kind === 'FINANCIAL_LITERACY')).toBe(
      false,
    );
  });

  it.each([
    ['JOB_SEARCH', 10, 'TERM_MAX_FOR_DIRECTION'],
    ['HARDSHIP', 7, 'TERM_MAX_FOR_DIRECTION'],
    ['BUSINESS', 13, 'TERM_RANGE'],
    ['JOB_SEARCH', 2, 'TERM_RANGE'],
  ] as const)('refuses a %s term of %i months (%s)', (direction, termMonths, rule) => {
    expect(
      ruleOf(() =>
        draft({
          direction,
          termMonths,
          hardshipPaymentMode: direction === 'HARDSHIP' ? 'MONTHLY' : undefined,
          activities: [{ ...base.activities[0]!, kind: 'OTHER', costKopecks: null, dueDate: '2027-01-31' }],
        }),
      ),
    ).toBe(rule);
  });

  it('keeps activities inside the contract dates and in order', () => {
    expect(ruleOf(() => draft({ activities: [{ ...base.activities[0]!, dueDate: '2027-09-01' }] }))).toBe(
      'ACTIVITY_WITHIN_CONTRACT',
    );
    expect(ruleOf(() => draft({ activities: [{ ...base.activities[0]!, startDate: '2027-04-01' }] }))).toBe(
      'DATE_ORDER',
    );
  });

  it('caps training and lump sums, and requires a balanced business plan', () => {
    expect(ruleOf(() => draft({ activities: [{ ...base.activities[0]!, costKopecks: 3_000_001 }] }))).toBe(
      'TRAINING_CAP',
    );
    const plan = {
      summary: 'Швейное производство',
      activityForm: 'SELF_EMPLOYED' as const,
      amountRequestedKopecks: 35_000_001,
      items: [{ name: 'машина', amountKopecks: 35_000_001 }],
    };
    expect(ruleOf(() => draft({ direction: 'BUSINESS', termMonths: 12, businessPlan: plan }))).toBe('LUMP_SUM_CAP');
    expect(
      ruleOf(() =>
        draft({
          direction: 'SUBSIDIARY_FARM',
          termMonths: 12,
          businessPlan: {
            ...plan,
            activityForm: 'SUBSIDIARY_FARM',
            amountRequestedKopecks: 20_000_001,
            items: [{ name: 'корова', amountKopecks: 20_000_001 }],
          },
        }),
      ),
    ).toBe('LUMP_SUM_CAP');
    expect(
      ruleOf(() =>
        draft({ direction: 'BUSINESS', termMonths: 12, businessPlan: { ...plan, amountRequestedKopecks: 100 } }),
      ),
    ).toBe('BUSINESS_PLAN_TOTAL');
    expect(ruleOf(() => draft({ direction: 'BUSINESS', termMonths: 12 }))).toBe('BUSINESS_PLAN_REQUIRED');
    expect(ruleOf(() => draft({ businessPlan: plan }))).toBe('BUSINESS_PLAN_NOT_ALLOWED');
    expect(
      draft({
        direction: 'BUSINESS',
        termMonths: 12,
        businessPlan: {
          ...plan,
          amountRequestedKopecks: 35_000_000,
          items: [{ name: 'машина', amountKopecks: 35_000_000 }],
        },
      }).businessPlan?.amountRequestedKopecks,
    ).toBe(35_000_000);
  });
});

describe('ПСА activity state machine (DOMAIN.md §4.3)', () => {
  it('walks PLANNED → IN_PROGRESS → REPORTED → DONE, and a rejected report goes back', () => {
    const a = draft({}).activities[0]!;
    applyActivityEvent(a, 'start', '2026-12-15', 'x');
    applyActivityEvent(a, 'report', '2027-01-05', 'x');
    applyActivityEvent(a, 'rejectReport', '2027-01-06', 'x');
    expect(a.status).toBe('IN_PROGRESS');
    applyActivityEvent(a, 'report', '2027-02-05', 'x');
    applyActivityEvent(a, 'verify', '2027-02-06', 'x');
    expect(a).toMatchObject({ status: 'DONE', completedOn: '2027-02-06' });
    expect(() => applyActivityEvent(a, 'start', '2027-02-07', 'x')).toThrow(/DONE cannot start/);
  });
  it('an overdue activity is rescheduled with a valid reason or fails without one', () => {
    const p = draft({});
    const a = p.activities[0]!;
    applyActivityEvent(a, 'start', '2026-12-15', 'x');
    rescheduleActivity(a, '2027-05-31', 'болезнь', '2027-04-02', 'x');
    expect(a).toMatchObject({ status: 'IN_PROGRESS', dueDate: '2027-05-31' });
    expect(a.history.map((h) => h.status)).toEqual(['IN_PROGRESS', 'OVERDUE', 'RESCHEDULED', 'IN_PROGRESS']);
    const b = p.activities[1]!;
    failActivity(b, 'не явился', '2027-02-01', 'x');
    expect(b.status).toBe('FAILED');
  });
});

describe('согласование проекта ПСА (seed 000 step 3, DOMAIN.md §4.1)', () => {
  const answer = (decision: 'AGREED' | 'CHANGES_PROPOSED', comment: string | null = null) => ({
    decision,
    comment,
    proposals: [],
    by: 'x',
    at: now.toISOString(),
  });
  it('asks the partners who carry out an activity, and the citizen; a partner with nothing to do is not asked', () => {
    const p = draft({});
    expect(p.revision).toBe(1);
    expect(p.currentAgreements().map((a) => [a.party, a.status, a.answerBy ?? null])).toEqual([
      ['EMPLOYMENT', 'PENDING', '2026-11-30'],
      ['SOCIAL_SERVICE', 'PENDING', '2026-11-30'],
      ['CITIZEN', 'PENDING', null],
    ]);
    const hardship = draft({
      direction: 'HARDSHIP',
      termMonths: 6,
      hardshipPaymentMode: 'MONTHLY',
      includeFinancialLiteracy: false,
      activities: [
        {
          kind: 'HARDSHIP_MEASURE',
          description: 'Оплата долга за ЖКУ',
          responsibleAgency: 'SOCIAL_PROTECTION',
          startDate: '2026-12-01',
          dueDate: '2027-01-31',
        },
      ],
    });
    expect(hardship.currentAgreements().map((a) => a.party)).toEqual(['CITIZEN']);
  });
  it('goes to the commission only when every party agreed the current revision', () => {
    const p = draft({});
    p.recordAgreement('EMPLOYMENT', 1, answer('AGREED'));
    p.recordAgreement('CITIZEN', 1, answer('AGREED'));
    expect(ruleOf(() => p.assertAgreed())).toBe('PSA_AGREED_BEFORE_COMMISSION');
    p.recordAgreement('SOCIAL_SERVICE', 1, answer('CHANGES_PROPOSED', 'перенести на март'));
    expect(p.isAgreed()).toBe(false);
    let refused: unknown;
    try {
      p.assertAgreed();
    } catch (e) {
      refused = e;
    }
    expect(refused).toMatchObject({
      code: 'PSA_NOT_AGREED',
      details: { notAgreed: [{ party: 'SOCIAL_SERVICE', status: 'CHANGES_PROPOSED' }] },
    });
  });
  it('a redraft is a new revision agreed anew; answers to the old one stay as history and decide nothing', () => {
    const first = draft({});
    first.recordAgreement('EMPLOYMENT', 1, answer('CHANGES_PROPOSED', 'позже'));
    const second = AdaptationProgramme.draft({
      existing: first,
      applicationId: 'a',
      citizenId: 'c',
      territory: '25607000',
      input: base,
      params,
      earliestStart: '2026-11-20',
      answerBy: '2026-12-07',
      by: 'spec',
      now,
    });
    expect(second.revision).toBe(2);
    expect(second.currentAgreements().every((a) => a.status === 'PENDING' && a.revision === 2)).toBe(true);
    expect(second.agreements.filter((a) => a.revision === 1)).toHaveLength(3);
    second.recordAgreement('SOCIAL_SERVICE', 1, answer('AGREED'));
    for (const party of ['EMPLOYMENT', 'SOCIAL_SERVICE', 'CITIZEN'] as const)
      second.recordAgreement(party, 2, answer('AGREED'));
    expect(second.isAgreed()).toBe(true);
    expect(() => second.assertAgreed()).not.toThrow();
  });
  it('the same answer again is a repeat; a different one is a CONFLICT; an unasked party is refused', () => {
    const p = draft({ includeFinancialLiteracy: false });
    expect(p.recordAgreement('EMPLOYMENT', 1, answer('AGREED'))).toBe('RECORDED');
    expect(p.recordAgreement('EMPLOYMENT', 1, answer('AGREED'))).toBe('REPEATED');
    expect(ruleOf(() => p.recordAgreement('EMPLOYMENT', 1, answer('CHANGES_PROPOSED', 'нет')))).toBe(
      'ONE_ANSWER_PER_REVISION',
    );
    expect(ruleOf(() => p.recordAgreement('SOCIAL_SERVICE', 1, answer('AGREED')))).toBe('PARTIES_TO_AGREE');
    p.recordAgreement('CITIZEN', 1, answer('AGREED'));
    p.apply('submit');
    expect(ruleOf(() => p.recordAgreement('CITIZEN', 1, answer('CHANGES_PROPOSED', 'передумала')))).toBe(
      'STATE_MACHINE',
    );
  });
});
