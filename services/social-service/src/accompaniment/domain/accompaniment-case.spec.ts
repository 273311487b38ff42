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
  it('«Социальный лифт» runs four stages and only for people leaving prison', () => {
    expect(() => open({ programme: 'SOCIAL_LIFT' })).toThrow(/leaving places of imprisonment/);
    const c = open({ programme: 'SOCIAL_LIFT', grounds: ['LEAVING_PRISON'] });
    expect([c.socialLiftStage, c.advanceSocialLift(), c.advanceSocialLift(), c.advanceSocialLift()]).toEqual([
      'IN_INSTITUTION',
      'RELEASE',
      'ADAPTATION',
      'SOCIALISATION',
    ]);
    expect(() => c.advanceSocialLift()).toThrow(/last stage/);
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
