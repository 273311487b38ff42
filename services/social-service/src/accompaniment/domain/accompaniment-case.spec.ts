import { ruleOf } from '@sc/testing';
import { RU_PRODUCTION_CALENDAR, WorkingCalendar } from '@sc/kernel';
import { SocialServiceParameters } from '../../parameters/domain/social-service-parameters';
import { PreventionCase } from '../../prevention/domain/prevention-case';
import { AccompanimentCase } from './accompaniment-case';

const calendar = new WorkingCalendar(RU_PRODUCTION_CALENDAR);
const params = SocialServiceParameters.defaults();
const now = new Date('2026-11-02T03:00:00Z');
const open = (over: Partial<Parameters<typeof AccompanimentCase.open>[0]> = {}) =>
  AccompanimentCase.open({
    citizenId: 'c',
    territory: '25607000',
    programme: 'FAMILY_NAVIGATOR',
    grounds: ['SOCIAL_CONTRACT_HOLDER'],
    evidence: [{ kind: 'PSYCHOLOGIST_CONCLUSION', reference: '№ 5', summary: 'тревожность' }],
    appliedOn: '2026-11-02',
    family: { childrenCount: 1, lowIncome: true, categories: [] },
    calendar,
    params,
    by: 'x',
    now,
    ...over,
  });

describe('recognition of need and ИППСУ (442-ФЗ, DOMAIN.md §4.6)', () => {
  it('counts the 5- and 10-working-day deadlines on the production calendar (4 November is a holiday)', () => {
    const c = open();
    expect(c.needDecisionDue).toBe('2026-11-10');
    expect(c.programmeDue).toBe('2026-11-17');
  });
  it('walks recognition → ИППСУ (revision in 3 years) → contract → measures → revision → closure', () => {
    const c = open();
    c.decideNeed(true, null, '2026-11-05', '2026-11-05');
    c.issueProgramme(
      {
        number: 'ИППСУ-1',
        form: 'SEMI_RESIDENTIAL',
        provider: 'КЦСОН',
        issuedOn: '2026-11-10',
        services: [
          {
            type: 'PSYCHOLOGICAL',
            name: 'консультирование',
            volume: 8,
            frequency: 'еженедельно',
            periodFrom: '2026-11-10',
            periodTo: '2027-05-10',
          },
        ],
      },
      '2026-11-10',
      params,
    );
    expect(c.individualProgramme?.revisionDue).toBe('2029-11-10');
    c.signServiceContract('2026-11-11', '2026-11-11');
    const m = c.addMeasure(
      {
        kind: 'MEDICAL',
        organisation: 'ОГБУЗ «Поликлиника № 1»',
        description: 'обследование ребёнка',
        requestedOn: '2026-11-12',
      },
      '2026-11-12',
      now,
    );
    expect(() => c.moveMeasure(m.id, 'complete', '2026-11-01', null)).toThrow(/cannot precede/);
    c.moveMeasure(m.id, 'complete', '2026-11-20', 'обследование проведено');
    c.startRevision();
    c.issueProgramme(
      {
        number: 'ИППСУ-2',
        form: 'HOME',
        provider: 'КЦСОН',
        issuedOn: '2026-12-01',
        services: [
          {
            type: 'HOUSEHOLD',
            name: 'помощь по дому',
            volume: 4,
            frequency: 'ежемесячно',
            periodFrom: '2026-12-01',
            periodTo: '2027-12-01',
          },
        ],
      },
      '2026-12-01',
      params,
    );
    expect(c.status).toBe('ACTIVE');
    c.recordGoalResult({ goalId: c.goals[0]!.id, outcome: 'ACHIEVED', on: '2027-12-01' }, '2027-12-01', 'x');
    c.close('GOALS_MET', '2027-12-01');
    expect(c.status).toBe('CLOSED');
  });
  it('refuses negative volumes and periods out of order', () => {
    const c = open();
    c.decideNeed(true, null, '2026-11-05', '2026-11-05');
    const svc = {
      type: 'HOUSEHOLD' as const,
      name: 'x',
      volume: -1,
      frequency: 'x',
      periodFrom: '2026-11-10',
      periodTo: '2027-11-10',
    };
    expect(() =>
      c.issueProgramme(
        { number: '1', form: 'HOME', provider: 'x', issuedOn: '2026-11-10', services: [svc] },
        '2026-11-10',
        params,
      ),
    ).toThrow(/volume must be positive/);
    expect(() =>
      c.issueProgramme(
        {
          number: '1',
          form: 'HOME',
          provider: 'x',
          issuedOn: '2026-11-10',
          services: [{ ...svc, volume: 1, periodTo: '2026-11-01' }],
        },
        '2026-11-10',
        params,
      ),
    ).toThrow(/ends before it starts/);
  });
  it('«Социальный лифт» runs four dated stages with the prison service’s side, and only for people leaving prison', () => {
    const lift = { institution: 'ФКУ ИК-3 ГУФСИН России по Иркутской области', expectedReleaseOn: '2026-12-15' };
    expect(() => open({ programme: 'SOCIAL_LIFT', socialLift: lift })).toThrow(/leaving places of imprisonment/);
    expect(ruleOf(() => open({ programme: 'SOCIAL_LIFT', grounds: ['LEAVING_PRISON'] }))).toBe('REQUIRED');
    const c = open({ programme: 'SOCIAL_LIFT', grounds: ['LEAVING_PRISON'], socialLift: lift });
    expect(c.socialLift).toMatchObject({ institution: lift.institution, releasedOn: null });
    expect(ruleOf(() => c.advanceSocialLift('2026-11-01', null, '2026-12-20'))).toBe('DATE_ORDER');
    expect(ruleOf(() => c.advanceSocialLift('2026-12-21', null, '2026-12-20'))).toBe('NOT_IN_FUTURE');
    expect([
      c.socialLiftStage,
      c.advanceSocialLift('2026-12-16', 'освобождён условно-досрочно', '2026-12-20'),
      c.advanceSocialLift('2027-01-10', null, '2027-01-10'),
      c.advanceSocialLift('2027-04-01', null, '2027-04-01'),
    ]).toEqual(['IN_INSTITUTION', 'RELEASE', 'ADAPTATION', 'SOCIALISATION']);
    expect(c.socialLift!.releasedOn).toBe('2026-12-16');
    expect(c.socialLift!.stages.map((s) => `${s.stage}:${s.startedOn}`)).toEqual([
      'IN_INSTITUTION:2026-11-02',
      'RELEASE:2026-12-16',
      'ADAPTATION:2027-01-10',
      'SOCIALISATION:2027-04-01',
    ]);
    expect(() => c.advanceSocialLift('2027-04-02', null, '2027-04-02')).toThrow(/last stage/);
  });
});

describe('programmes with their content (seed 002): target groups, goals, results', () => {
  const family = (over: Partial<{ childrenCount: number; lowIncome: boolean }> = {}) => ({
    childrenCount: 2,
    lowIncome: true,
    categories: [] as ('YOUNG' | 'SINGLE_PARENT' | 'LARGE')[],
    ...over,
  });
  it('checks each programme’s target group when a case opens', () => {
    expect(ruleOf(() => open({ family: null }))).toBe('FAMILY_WITH_CHILDREN');
    expect(ruleOf(() => open({ family: family({ childrenCount: 0 }) }))).toBe('FAMILY_WITH_CHILDREN');
    expect(ruleOf(() => open({ family: family(), grounds: ['OTHER'] }))).toBe('SOCIAL_CONTRACT_HOLDER');
    expect(open({ family: family() }).programme).toBe('FAMILY_NAVIGATOR');
    const helper = { programme: 'FAMILY_HELPER' as const, grounds: ['ADULT_ADAPTATION_DIFFICULTIES' as const] };
    expect(ruleOf(() => open({ ...helper, family: family({ lowIncome: false }) }))).toBe('LOW_INCOME_FAMILY');
    expect(ruleOf(() => open({ ...helper, family: { ...family({ childrenCount: 2 }), categories: ['LARGE'] } }))).toBe(
      'LARGE_FAMILY',
    );
    expect(open({ ...helper, family: family() }).programme).toBe('FAMILY_HELPER');
    const fulcrum = { programme: 'FULCRUM' as const, grounds: ['CHILD_ADAPTATION_DIFFICULTIES' as const] };
    expect(ruleOf(() => open(fulcrum))).toBe('FAMILY_IN_SOP');
    expect(open({ ...fulcrum, registeredInSop: true }).programme).toBe('FULCRUM');
    // ЦСПН's petition (M5) stands for the check: it saw the household, M5 does not carry it.
    expect(open({ family: null, onPetition: true }).family).toBeNull();
  });
  it('sets the programme’s goal, takes individual goals and measures towards them, and closes GOALS_MET only when all are achieved', () => {
    const c = open({ family: family() });
    c.decideNeed(true, null, '2026-11-03', '2026-11-03');
    expect(c.goals).toEqual([
      expect.objectContaining({
        source: 'PROGRAMME',
        text: expect.stringMatching(/^Повышение уровня и качества жизни/),
      }),
    ]);
    const own = c.addGoal('Оформить детское пособие', '2026-11-03', now);
    expect(ruleOf(() => c.addGoal('  ', '2026-11-03', now))).toBe('REQUIRED');
    expect(ruleOf(() => c.addGoal('x'.repeat(2001), '2026-11-03', now))).toBe('MAX_LENGTH');
    const m = c.addMeasure(
      {
        kind: 'LEGAL',
        organisation: 'МФЦ',
        description: 'пособие',
        requestedOn: '2026-11-03',
        goalId: own.id,
        plannedBy: '2026-11-30',
      },
      '2026-11-03',
      now,
    );
    expect(m).toMatchObject({ goalId: own.id, plannedBy: '2026-11-30' });
    expect(
      ruleOf(() =>
        c.addMeasure(
          { kind: 'LEGAL', organisation: 'x', description: 'x', requestedOn: '2026-11-03', goalId: 'nope' },
          '2026-11-03',
          now,
        ),
      ),
    ).toBe('MUST_EXIST');
    expect(
      ruleOf(() =>
        c.recordGoalResult({ goalId: own.id, outcome: 'PARTLY_ACHIEVED', on: '2026-12-01' }, '2026-12-01', 'x'),
      ),
    ).toBe('NOTE_REQUIRED');
    c.recordGoalResult({ goalId: own.id, outcome: 'ACHIEVED', on: '2026-12-01' }, '2026-12-01', 'x');
    expect(ruleOf(() => c.close('GOALS_MET', '2026-12-01'))).toBe('GOALS_NOT_MET');
    c.recordGoalResult({ goalId: c.goals[0]!.id, outcome: 'ACHIEVED', on: '2026-12-02' }, '2026-12-02', 'x');
    c.close('GOALS_MET', '2026-12-02');
    expect(c.status).toBe('CLOSED');
    expect(ruleOf(() => c.addGoal('ещё', '2026-12-03', now))).toBe('STATE_MACHINE');
  });
});

describe('prevention casework (120-ФЗ, DOMAIN.md §4.7)', () => {
  const signal = () =>
    PreventionCase.receiveSignal({
      citizenId: 'c',
      territory: '25607000',
      subject: 'FAMILY',
      source: 'SCHOOL',
      sourceDetails: 'СОШ № 5',
      facts: 'ребёнок пропускает занятия',
      signalOn: '2026-11-02',
      checkDays: 5,
      today: '2026-11-02',
      by: 'x',
      now,
    });
  const kdn = { number: '12/3', date: '2026-11-10', body: 'КДН и ЗП г. Иркутска' };
  it('runs the five stages and cannot deregister without a recorded decision', () => {
    const c = signal();
    expect(c.checkDue).toBe('2026-11-07');
    c.recordCheck({ on: '2026-11-05', findings: 'семья в СОП', confirmed: true, by: 'ЦСОН', today: '2026-11-05' });
    c.register(kdn, 'Петрова А. А.', '2026-11-10');
    c.approveProgramme(
      [{ description: 'консультации психолога', responsibleAgency: 'КЦСОН', dueDate: '2027-01-31' }],
      '2026-11-12',
      'КДН',
      6,
      '2026-11-12',
      now,
    );
    expect(c).toMatchObject({ status: 'IN_EXECUTION', nextReviewDue: '2027-05-12' });
    c.reportMeasure(c.measures[0]!.id, true, 'проведено 6 консультаций');
    c.review('2027-05-12', 'куратор', 'положительная динамика', '2027-05-12');
    expect(() => c.deregister({ ground: 'CAUSES_REMOVED' }, '2027-05-20')).toThrow(/only on a recorded decision/);
    c.deregister({ ...kdn, number: '40/1', date: '2027-05-20', ground: 'CAUSES_REMOVED' }, '2027-05-20');
    expect(c.status).toBe('DEREGISTERED');
    expect(c.history.map((h) => h.status)).toEqual([
      'SIGNAL_RECEIVED',
      'CHECKED',
      'REGISTERED',
      'PROGRAMME_APPROVED',
      'IN_EXECUTION',
      'UNDER_REVIEW',
      'DEREGISTERED',
    ]);
  });
  it('an unconfirmed signal closes with no grounds; a case in execution cannot be deregistered', () => {
    const a = signal();
    a.recordCheck({ on: '2026-11-05', findings: 'не подтвердилось', confirmed: false, by: 'МВД', today: '2026-11-05' });
    expect(a.status).toBe('CLOSED_NO_GROUNDS');
    const b = signal();
    b.recordCheck({ on: '2026-11-05', findings: 'подтвердилось', confirmed: true, by: 'ЦСОН', today: '2026-11-05' });
    b.register(kdn, 'Петрова', '2026-11-10');
    expect(() => b.deregister({ ...kdn, ground: 'CAUSES_REMOVED' }, '2026-11-11')).toThrow(
      'PreventionCase in state REGISTERED cannot deregister',
    );
  });
});
