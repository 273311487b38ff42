import { IllegalTransitionError } from '@sc/kernel';
import { TrainingReferral } from '../../training/domain/training-referral';
import { EmploymentPlan, isStepOverdue } from './employment-plan';

const now = new Date('2026-12-01T03:00:00Z');
const plan = () =>
  EmploymentPlan.draft({
    registrationId: 'r',
    citizenId: 'c',
    territory: '25607000',
    steps: [{ kind: 'VACANCY_SEARCH', description: 'поиск вакансий', dueDate: '2026-12-20' }],
    today: '2026-12-01',
    maxMonths: 12,
    by: 'x',
    now,
  });

describe('employment plan and training referral (ЦЗН)', () => {
  it('a step cannot be completed before it is started, and only in an agreed plan', () => {
    const p = plan();
    const step = p.steps[0]!;
    expect(() => p.moveStep(step.id, 'start', '2026-12-02', null)).toThrow(/agreed/);
    p.agree('2026-12-01', '2026-12-01');
    expect(() => p.moveStep(step.id, 'complete', '2026-12-02', null)).toThrow(IllegalTransitionError);
    expect(() => p.moveStep(step.id, 'complete', '2026-12-02', null)).toThrow(
      'PlanStep in state PLANNED cannot complete',
    );
    p.moveStep(step.id, 'start', '2026-12-02', null);
    p.moveStep(step.id, 'complete', '2026-12-05', 'откликнулся на 3 вакансии');
    expect(step).toMatchObject({ status: 'DONE', startedOn: '2026-12-02', doneOn: '2026-12-05' });
  });
  it('flags an open step past its due date', () => {
    const s = plan().steps[0]!;
    expect(isStepOverdue(s, '2026-12-20')).toBe(false);
    expect(isStepOverdue(s, '2026-12-21')).toBe(true);
  });
  it('keeps the training cost within the contract’s cap and the dates in order', () => {
    const base = {
      citizenId: 'c',
      territory: '25607000',
      registrationId: 'r',
      programme: 'Повар',
      provider: 'ИТАТ',
      startDate: '2026-12-10',
      endDate: '2027-03-10',
      costKopecks: 3_000_000,
      capKopecks: 3_000_000,
      today: '2026-12-01',
      by: 'x',
      now,
    };
    expect(TrainingReferral.refer(base).status).toBe('REFERRED');
    expect(() => TrainingReferral.refer({ ...base, costKopecks: 3_000_001 })).toThrow(/up to 3000000/);
    expect(() => TrainingReferral.refer({ ...base, endDate: '2026-12-09' })).toThrow(/cannot end before it starts/);
    expect(TrainingReferral.refer({ ...base, costKopecks: 9_000_000, capKopecks: null }).costKopecks).toBe(9_000_000);
    const t = TrainingReferral.refer(base);
    expect(() => t.move('complete', '2026-12-20', '2026-12-20', { certificate: 'x' })).toThrow(IllegalTransitionError);
    t.move('start', '2026-12-10', '2026-12-10', {});
    expect(() => t.move('complete', '2027-03-10', '2027-03-10', {})).toThrow(/certificate/);
    t.move('complete', '2027-03-10', '2027-03-10', { certificate: 'св. № 1' });
    expect(t).toMatchObject({ status: 'COMPLETED', finishedOn: '2027-03-10', certificate: 'св. № 1' });
  });
});
