import {
  addMonths,
  ConflictError,
  parseIsoDate,
  transition,
  uuidv7,
  ValidationError,
  type IsoDate,
  type TransitionTable,
} from '@sc/kernel';

/** Вид шага индивидуального плана содействия занятости. */
export type PlanStepKind =
  | 'VACANCY_SEARCH'
  | 'JOB_INTERVIEW'
  | 'JOB_FAIR'
  | 'CAREER_GUIDANCE'
  | 'SOCIAL_ADAPTATION'
  | 'PSYCHOLOGICAL_SUPPORT'
  | 'VOCATIONAL_TRAINING'
  | 'OTHER';
export type PlanStepStatus = 'PLANNED' | 'IN_PROGRESS' | 'DONE' | 'MISSED';
type StepEvent = 'start' | 'complete' | 'miss';

/** A step is completed only after it was started (issue 4 rule); a missed step stays missed. */
const STEP_TRANSITIONS: TransitionTable<PlanStepStatus, StepEvent> = {
  PLANNED: { start: 'IN_PROGRESS', miss: 'MISSED' },
  IN_PROGRESS: { complete: 'DONE', miss: 'MISSED' },
};

export interface PlanStep {
  id: string;
  kind: PlanStepKind;
  description: string;
  dueDate: IsoDate;
  status: PlanStepStatus;
  startedOn?: IsoDate | null;
  doneOn?: IsoDate | null;
  note?: string | null;
}

export const isStepOverdue = (s: PlanStep, today: IsoDate): boolean =>
  (s.status === 'PLANNED' || s.status === 'IN_PROGRESS') && s.dueDate < today;

/** Индивидуальный план содействия занятости (565-ФЗ ст. 26), agreed with the citizen at a personal visit. */
export class EmploymentPlan {
  id!: string;
  registrationId!: string;
  citizenId!: string;
  /** ОКТМО района (городского округа), чей ЦЗН ведёт дело. */
  territory!: string;
  status!: 'DRAFT' | 'AGREED';
  steps: PlanStep[] = [];
  agreedOn?: IsoDate | null;
  draftedBy!: string;
  version: number = 1;

  static draft(a: {
    registrationId: string;
    citizenId: string;
    territory: string;
    steps: { kind: PlanStepKind; description: string; dueDate: IsoDate }[];
    today: IsoDate;
    maxMonths: number;
    by: string;
    now: Date;
  }): EmploymentPlan {
    if (a.steps.length === 0) throw new ValidationError('input.steps', 'REQUIRED', 'a plan needs at least one step');
    const latest = addMonths(a.today, a.maxMonths);
    const steps = a.steps.map((s, i) => {
      parseIsoDate(s.dueDate, `input.steps[${i}].dueDate`);
      if (s.dueDate < a.today)
        throw new ValidationError(`input.steps[${i}].dueDate`, 'NOT_IN_PAST', 'a new step cannot be due in the past');
      if (s.dueDate > latest)
        throw new ValidationError(`input.steps[${i}].dueDate`, 'PLAN_HORIZON', `steps are planned up to ${latest}`);
      if (!s.description.trim())
        throw new ValidationError(`input.steps[${i}].description`, 'REQUIRED', 'must not be empty');
      return {
        id: uuidv7(a.now.getTime()),
        kind: s.kind,
        description: s.description.trim(),
        dueDate: s.dueDate,
        status: 'PLANNED' as const,
        startedOn: null,
        doneOn: null,
      };
    });
    return Object.assign(new EmploymentPlan(), {
      id: uuidv7(a.now.getTime()),
      registrationId: a.registrationId,
      citizenId: a.citizenId,
      territory: a.territory,
      status: 'DRAFT' as const,
      steps,
      draftedBy: a.by,
    });
  }

  agree(on: IsoDate, today: IsoDate): void {
    if (this.status === 'AGREED')
      throw new ConflictError('PLAN_AGREED', `the plan was agreed on ${this.agreedOn}`, {
        rule: 'STATE_MACHINE',
        currentState: 'AGREED',
        attemptedAction: 'agree',
      });
    parseIsoDate(on, 'input.agreedOn');
    if (on > today) throw new ValidationError('input.agreedOn', 'NOT_IN_FUTURE', 'cannot be in the future');
    this.status = 'AGREED';
    this.agreedOn = on;
  }

  moveStep(stepId: string, event: StepEvent, on: IsoDate, note: string | null | undefined): PlanStep {
    if (this.status !== 'AGREED')
      throw new ConflictError('PLAN_NOT_AGREED', 'steps move once the citizen has agreed the plan', {
        rule: 'PLAN_AGREED_FIRST',
        currentState: this.status,
        attemptedAction: event,
      });
    const s = this.steps.find((x) => x.id === stepId);
    if (!s) throw new ValidationError('input.stepId', 'MUST_EXIST', 'not a step of this plan');
    s.status = transition('PlanStep', STEP_TRANSITIONS, s.status, event);
    if (event === 'start') s.startedOn = on;
    if (event === 'complete') {
      if (on < s.startedOn!) throw new ValidationError('input.on', 'DATE_ORDER', `the step started on ${s.startedOn}`);
      s.doneOn = on;
    }
    s.note = note?.trim() || s.note || null;
    return s;
  }
}
