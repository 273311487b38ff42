import {
  addMonths,
  ConflictError,
  parseIsoDate,
  transition,
  uuidv7,
  ValidationError,
  type IsoDate,
  type TransitionTable,
  type WorkingCalendar,
} from '@sc/kernel';
import type { SocialServiceParameters } from '../../parameters/domain/social-service-parameters';
import {
  ACCOMPANIMENT_PROGRAMMES,
  checkTargetGroup,
  type AccompanimentProgramme,
  type FamilyProfile,
} from './accompaniment-programmes';
import { newGoal, resultOf, type AccompanimentGoal, type GoalOutcome } from './accompaniment-goals';
import { SOCIAL_LIFT_STAGES, startSocialLift, type SocialLiftStage, type SocialLiftTrack } from './social-lift';

export type { AccompanimentProgramme, FamilyProfile } from './accompaniment-programmes';
export { SOCIAL_LIFT_STAGES, type SocialLiftStage } from './social-lift';
export type { AccompanimentGoal, GoalOutcome } from './accompaniment-goals';

/** Статус случая (DOMAIN.md §4.6): признание нуждаемости → ИППСУ → договор → обслуживание и сопровождение. */
export type AccompanimentStatus =
  'APPLIED' | 'NEED_RECOGNISED' | 'NOT_RECOGNISED' | 'PROGRAMME_ISSUED' | 'ACTIVE' | 'REVISION' | 'CLOSED';
type AccompanimentEvent =
  'recognise' | 'notRecognise' | 'issueProgramme' | 'signContract' | 'startRevision' | 'revise' | 'close';

const TRANSITIONS: TransitionTable<AccompanimentStatus, AccompanimentEvent> = {
  APPLIED: { recognise: 'NEED_RECOGNISED', notRecognise: 'NOT_RECOGNISED', close: 'CLOSED' },
  NEED_RECOGNISED: { issueProgramme: 'PROGRAMME_ISSUED', close: 'CLOSED' },
  PROGRAMME_ISSUED: { signContract: 'ACTIVE', close: 'CLOSED' },
  ACTIVE: { startRevision: 'REVISION', close: 'CLOSED' },
  REVISION: { revise: 'ACTIVE', close: 'CLOSED' },
};

/** Основание: seed 002's grounds, a contract holder (M5), leaving prison. */
export type AccompanimentGround =
  | 'CHILD_ADAPTATION_DIFFICULTIES'
  | 'ADULT_ADAPTATION_DIFFICULTIES'
  | 'SOCIAL_CONTRACT_HOLDER'
  | 'LEAVING_PRISON'
  | 'URGENT_CASE_FOLLOW_UP'
  | 'OTHER';
export type EvidenceKind = 'PSYCHOLOGIST_CONCLUSION' | 'INTERVIEW_SHEET' | 'PETITION' | 'OTHER';
export type ServiceForm = 'HOME' | 'SEMI_RESIDENTIAL' | 'RESIDENTIAL';
/** Виды социальных услуг (442-ФЗ ст. 20). */
export type ServiceType =
  'HOUSEHOLD' | 'MEDICAL' | 'PSYCHOLOGICAL' | 'PEDAGOGICAL' | 'LABOUR' | 'LEGAL' | 'COMMUNICATION' | 'URGENT';
export type MeasureKind = 'MEDICAL' | 'PSYCHOLOGICAL' | 'PEDAGOGICAL' | 'LEGAL' | 'SOCIAL';
export type MeasureStatus = 'REQUESTED' | 'IN_PROGRESS' | 'DONE' | 'DECLINED';
export type ClosureReason = 'GOALS_MET' | 'REFUSAL' | 'DEATH' | 'MOVED' | 'CONTRACT_ENDED' | 'NOT_RECOGNISED';

export interface Evidence {
  kind: EvidenceKind;
  reference: string;
  /** a psychologist's conclusion text is the most sensitive data here */
  summary?: string | null;
}

export interface ProgrammeService {
  type: ServiceType;
  name: string;
  volume: number;
  frequency: string;
  periodFrom: IsoDate;
  periodTo: IsoDate;
}

/** ИППСУ (Mintrud 874н): form, services with volume, frequency and period, provider. */
export interface IndividualProgramme {
  number: string;
  form: ServiceForm;
  provider: string;
  services: ProgrammeService[];
  issuedOn: IsoDate;
  revisionDue: IsoDate;
}

/** Мероприятие социального сопровождения: help from an outside organisation (442-ФЗ ст. 22). */
export interface AccompanimentMeasure {
  id: string;
  /** the goal the measure is planned towards, if named */
  goalId?: string | null;
  /** the date it is planned to be done by, if set */
  plannedBy?: IsoDate | null;
  kind: MeasureKind;
  organisation: string;
  description: string;
  status: MeasureStatus;
  requestedOn: IsoDate;
  completedOn?: IsoDate | null;
  note?: string | null;
}

/** A ПСА activity ЦСПН assigned to КЦСОН (M5), reported back in M6. */
export interface AssignedActivity {
  activityId: string;
  kind: string;
  description: string;
  dueDate: IsoDate;
  reportedOn?: IsoDate | null;
}

/** A measure as the specialist plans it: what, with whom, since when, towards which goal, by when. */
export interface MeasureInput {
  kind: MeasureKind;
  organisation: string;
  description: string;
  requestedOn: IsoDate;
  goalId?: string | null;
  plannedBy?: IsoDate | null;
}

const MEASURE_TRANSITIONS: TransitionTable<MeasureStatus, 'start' | 'complete' | 'decline'> = {
  REQUESTED: { start: 'IN_PROGRESS', complete: 'DONE', decline: 'DECLINED' },
  IN_PROGRESS: { complete: 'DONE', decline: 'DECLINED' },
};

/**
 * Случай социального обслуживания и сопровождения: recognition of need
 * (5 working days), the ИППСУ (10 working days of the application),
 * accompaniment measures, revision at least every 3 years, closure.
 */
export class AccompanimentCase {
  id!: string;
  citizenId!: string;
  /** ОКТМО района (городского округа), чей КЦСОН ведёт дело. */
  territory!: string;
  /** the social contract that opened it (M5), if any: one case per contract */
  contractId?: string | null;
  contractEndDate?: IsoDate | null;
  serviceUntil?: IsoDate | null;
  programme!: AccompanimentProgramme;
  grounds!: AccompanimentGround[];
  evidence: Evidence[] = [];
  status!: AccompanimentStatus;
  appliedOn!: IsoDate;
  needDecisionDue!: IsoDate;
  programmeDue!: IsoDate;
  needDecidedOn?: IsoDate | null;
  notRecognisedReason?: string | null;
  individualProgramme?: IndividualProgramme | null;
  serviceContractSignedOn?: IsoDate | null;
  measures: AccompanimentMeasure[] = [];
  activities: AssignedActivity[] = [];
  /** Состав семьи, on which a family programme's target group was checked (null: not recorded, e.g. an M5 case). */
  family?: FamilyProfile | null;
  goals: AccompanimentGoal[] = [];
  socialLiftStage?: SocialLiftStage | null;
  /** «Социальный лифт»: the institution, the prison service's side, the stages with their dates. */
  socialLift?: SocialLiftTrack | null;
  closedOn?: IsoDate | null;
  closureReason?: ClosureReason | null;
  openedBy!: string;
  /** Ответственный специалист (token subject): the one who opened the case until a HEAD reassigns it. */
  assignedTo?: string | null;
  version: number = 1;

  private go(e: AccompanimentEvent): void {
    this.status = transition('AccompanimentCase', TRANSITIONS, this.status, e);
  }

  static open(a: {
    citizenId: string;
    territory: string;
    programme: AccompanimentProgramme;
    grounds: AccompanimentGround[];
    evidence: Evidence[];
    appliedOn: IsoDate;
    contractId?: string | null;
    contractEndDate?: IsoDate | null;
    serviceUntil?: IsoDate | null;
    activities?: AssignedActivity[];
    family?: FamilyProfile | null;
    socialLift?: Omit<SocialLiftTrack, 'stages' | 'releasedOn'> | null;
    /** an open FAMILY prevention case of the citizen registered in СОП («Точка опоры») */
    registeredInSop?: boolean;
    /**
     * ЦСПН's petition (M5) stands for the target-group check: ЦСПН saw the
     * household when it concluded the contract, and M5 does not carry it.
     */
    onPetition?: boolean;
    calendar: WorkingCalendar;
    params: SocialServiceParameters;
    by: string;
    now: Date;
  }): AccompanimentCase {
    if (a.grounds.length === 0)
      throw new ValidationError('input.grounds', 'REQUIRED', 'state the grounds for opening the case');
    a.evidence.forEach((e, i) => {
      if (!e.reference.trim())
        throw new ValidationError(`input.evidence[${i}].reference`, 'REQUIRED', 'reference the document');
    });
    if (!a.onPetition)
      checkTargetGroup(a.programme, {
        family: a.family ?? null,
        grounds: a.grounds,
        contractId: a.contractId ?? null,
        registeredInSop: a.registeredInSop ?? false,
      });
    const goal = ACCOMPANIMENT_PROGRAMMES[a.programme].goal;
    const id = uuidv7(a.now.getTime());
    return Object.assign(new AccompanimentCase(), {
      id,
      citizenId: a.citizenId,
      territory: a.territory,
      contractId: a.contractId ?? null,
      contractEndDate: a.contractEndDate ?? null,
      serviceUntil: a.serviceUntil ?? null,
      programme: a.programme,
      grounds: a.grounds,
      evidence: a.evidence.map((e) => ({
        kind: e.kind,
        reference: e.reference.trim(),
        summary: e.summary?.trim() || null,
      })),
      status: 'APPLIED' as const,
      appliedOn: a.appliedOn,
      // 442-ФЗ: the decision within 5 working days, the programme within 10 working days of the application.
      needDecisionDue: a.calendar.addWorkingDays(a.appliedOn, a.params.get('NEED_DECISION_WORKING_DAYS')),
      programmeDue: a.calendar.addWorkingDays(a.appliedOn, a.params.get('PROGRAMME_WORKING_DAYS')),
      measures: [],
      activities: a.activities ?? [],
      family: a.family ?? null,
      goals: goal ? [newGoal(goal, 'PROGRAMME', a.appliedOn, a.now)] : [],
      socialLiftStage: a.programme === 'SOCIAL_LIFT' ? 'IN_INSTITUTION' : null,
      socialLift: a.programme === 'SOCIAL_LIFT' ? startSocialLift(a.socialLift, a.appliedOn) : null,
      openedBy: a.by,
      assignedTo: a.by,
    });
  }

  decideNeed(recognised: boolean, reason: string | null | undefined, on: IsoDate, today: IsoDate): void {
    parseIsoDate(on, 'input.decidedOn');
    if (on > today) throw new ValidationError('input.decidedOn', 'NOT_IN_FUTURE', 'cannot be in the future');
    if (on < this.appliedOn)
      throw new ValidationError('input.decidedOn', 'DATE_ORDER', 'cannot precede the application');
    if (!recognised && !reason?.trim())
      throw new ValidationError('input.reason', 'REASONS_REQUIRED', 'a refusal states its reason');
    this.go(recognised ? 'recognise' : 'notRecognise');
    this.needDecidedOn = on;
    this.notRecognisedReason = recognised ? null : reason!.trim();
  }

  issueProgramme(p: Omit<IndividualProgramme, 'revisionDue'>, today: IsoDate, params: SocialServiceParameters): void {
    parseIsoDate(p.issuedOn, 'input.issuedOn');
    if (p.issuedOn > today) throw new ValidationError('input.issuedOn', 'NOT_IN_FUTURE', 'cannot be in the future');
    if (p.issuedOn < (this.needDecidedOn ?? this.appliedOn))
      throw new ValidationError('input.issuedOn', 'DATE_ORDER', 'the programme follows the recognition of need');
    if (p.services.length === 0)
      throw new ValidationError('input.services', 'REQUIRED', 'the programme lists its services');
    p.services.forEach((s, i) => {
      if (!(s.volume > 0))
        throw new ValidationError(`input.services[${i}].volume`, 'VOLUME_RANGE', 'the volume must be positive');
      parseIsoDate(s.periodFrom, `input.services[${i}].periodFrom`);
      parseIsoDate(s.periodTo, `input.services[${i}].periodTo`);
      if (s.periodTo < s.periodFrom)
        throw new ValidationError(`input.services[${i}].periodTo`, 'DATE_ORDER', 'the period ends before it starts');
    });
    this.go(this.status === 'REVISION' ? 'revise' : 'issueProgramme');
    this.individualProgramme = { ...p, revisionDue: addMonths(p.issuedOn, params.get('PROGRAMME_REVISION_MONTHS')) };
  }

  signServiceContract(on: IsoDate, today: IsoDate): void {
    parseIsoDate(on, 'input.signedOn');
    if (on > today) throw new ValidationError('input.signedOn', 'NOT_IN_FUTURE', 'cannot be in the future');
    if (this.individualProgramme && on < this.individualProgramme.issuedOn)
      throw new ValidationError('input.signedOn', 'DATE_ORDER', 'the contract follows the programme');
    this.go('signContract');
    this.serviceContractSignedOn = on;
  }

  startRevision(): void {
    this.go('startRevision');
  }

  addMeasure(m: MeasureInput, today: IsoDate, now: Date): AccompanimentMeasure {
    if (this.status !== 'ACTIVE' && this.status !== 'PROGRAMME_ISSUED' && this.status !== 'NEED_RECOGNISED') {
      throw new ConflictError('CASE_NOT_ACTIVE', `AccompanimentCase in state ${this.status} cannot add a measure`, {
        rule: 'STATE_MACHINE',
        currentState: this.status,
        attemptedAction: 'addMeasure',
      });
    }
    if (!m.organisation.trim()) throw new ValidationError('input.organisation', 'REQUIRED', 'name the organisation');
    parseIsoDate(m.requestedOn, 'input.requestedOn');
    if (m.requestedOn > today)
      throw new ValidationError('input.requestedOn', 'NOT_IN_FUTURE', 'cannot be in the future');
    if (m.goalId) this.goal(m.goalId, 'input.goalId');
    if (m.plannedBy != null && parseIsoDate(m.plannedBy, 'input.plannedBy') < m.requestedOn)
      throw new ValidationError('input.plannedBy', 'DATE_ORDER', 'cannot precede the request');
    const x: AccompanimentMeasure = {
      id: uuidv7(now.getTime()),
      goalId: m.goalId ?? null,
      plannedBy: m.plannedBy ?? null,
      kind: m.kind,
      organisation: m.organisation.trim(),
      description: m.description.trim(),
      status: 'REQUESTED',
      requestedOn: m.requestedOn,
      completedOn: null,
      note: null,
    };
    this.measures.push(x);
    return x;
  }

  moveMeasure(
    id: string,
    action: 'start' | 'complete' | 'decline',
    on: IsoDate,
    note: string | null | undefined,
  ): AccompanimentMeasure {
    const m = this.measures.find((x) => x.id === id);
    if (!m) throw new ValidationError('input.measureId', 'MUST_EXIST', 'not a measure of this case');
    if (on < m.requestedOn) throw new ValidationError('input.on', 'DATE_ORDER', 'cannot precede the request');
    m.status = transition('AccompanimentMeasure', MEASURE_TRANSITIONS, m.status, action);
    if (m.status === 'DONE' || m.status === 'DECLINED') m.completedOn = on;
    m.note = note?.trim() || m.note || null;
    return m;
  }

  /**
   * Next stage of «Социальный лифт» on its date: I «Работа в исправительном
   * учреждении» → II «Освобождение» (the release date) → III «Адаптация» →
   * IV «Социализация» (seed 001).
   */
  advanceSocialLift(on: IsoDate, note: string | null | undefined, today: IsoDate): SocialLiftStage {
    if (this.programme !== 'SOCIAL_LIFT' || !this.socialLiftStage || !this.socialLift)
      throw new ConflictError('NOT_SOCIAL_LIFT', 'only a «Социальный лифт» case has stages', {
        rule: 'SOCIAL_LIFT_ONLY',
      });
    const i = SOCIAL_LIFT_STAGES.indexOf(this.socialLiftStage);
    if (i === SOCIAL_LIFT_STAGES.length - 1)
      throw new ConflictError('LAST_STAGE', 'the case is at its last stage (socialisation)', { rule: 'FOUR_STAGES' });
    parseIsoDate(on, 'input.on');
    if (on > today) throw new ValidationError('input.on', 'NOT_IN_FUTURE', 'cannot be in the future');
    const current = this.socialLift.stages[this.socialLift.stages.length - 1]!;
    if (on < current.startedOn)
      throw new ValidationError('input.on', 'DATE_ORDER', `the stage ${current.stage} began on ${current.startedOn}`);
    const next = SOCIAL_LIFT_STAGES[i + 1]!;
    this.socialLift.stages.push({ stage: next, startedOn: on, note: note?.trim() || null });
    if (next === 'RELEASE') this.socialLift.releasedOn = on;
    this.socialLiftStage = next;
    return next;
  }

  /** An individual goal besides the programme's (seed 002: the programme's goal is the first). */
  addGoal(text: string, on: IsoDate, now: Date): AccompanimentGoal {
    this.assertOpen('addGoal');
    const g = newGoal(text, 'INDIVIDUAL', on, now);
    this.goals.push(g);
    return g;
  }

  /** Результат по цели: achieved, partly, not; recorded once more replaces it (a later assessment). */
  recordGoalResult(
    r: { goalId: string; outcome: GoalOutcome; note?: string | null; on: IsoDate },
    today: IsoDate,
    by: string,
  ): AccompanimentGoal {
    this.assertOpen('recordGoalResult');
    const g = this.goal(r.goalId, 'input.goalId');
    g.result = resultOf(g, r, today, by);
    return g;
  }

  private goal(id: string, field: string): AccompanimentGoal {
    const g = this.goals.find((x) => x.id === id);
    if (!g) throw new ValidationError(field, 'MUST_EXIST', 'not a goal of this case');
    return g;
  }

  private assertOpen(action: string): void {
    if (!this.isOpen())
      throw new ConflictError('CASE_CLOSED', `AccompanimentCase in state ${this.status} cannot ${action}`, {
        rule: 'STATE_MACHINE',
        currentState: this.status,
        attemptedAction: action,
      });
  }

  close(reason: ClosureReason, on: IsoDate): void {
    const open = this.goals.filter((g) => g.result?.outcome !== 'ACHIEVED');
    if (reason === 'GOALS_MET' && open.length)
      throw new ValidationError('input.reason', 'GOALS_NOT_MET', `${open.length} goal(s) have no ACHIEVED result`, {
        goalIds: open.map((g) => g.id),
      });
    this.go('close');
    this.closedOn = on;
    this.closureReason = reason;
  }

  isOpen(): boolean {
    return this.status !== 'CLOSED' && this.status !== 'NOT_RECOGNISED';
  }
}
