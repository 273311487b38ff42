import {
  addMonths,
  ConflictError,
  parseIsoDate,
  termEnd,
  transition,
  uuidv7,
  ValidationError,
  type IsoDate,
  type TransitionTable,
} from '@sc/kernel';
import type { RegionalParameters } from '../../parameters/domain/regional-parameters';
import {
  isActivityOpen,
  plannedActivity,
  type ActivityInput,
  type PsaActivity,
  type PsaActivityKind,
  type ResponsibleAgency,
} from './psa-activity';

export type { ActivityInput } from './psa-activity';
import { LUMP_SUM_CAP_PARAMETER, MAX_TERM_PARAMETER, type ScDirection } from './sc-direction';
import {
  notAgreed,
  partiesToAgree,
  pendingAgreement,
  recordAgreementAnswer,
  type ProgrammeAgreement,
  type ProgrammeParty,
} from './programme-agreement';

/** Статус ПСА: drafted, on the МВК's table, and the commission's outcome. */
export const PROGRAMME_STATUSES = ['DRAFT', 'ON_REVIEW', 'APPROVED', 'RETURNED', 'REFUSED'] as const;
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];
export type ProgrammeEvent = 'submit' | 'approve' | 'returnForRework' | 'refuse' | 'redraft';

const TRANSITIONS: TransitionTable<ProgrammeStatus, ProgrammeEvent> = {
  DRAFT: { submit: 'ON_REVIEW', redraft: 'DRAFT' },
  RETURNED: { redraft: 'DRAFT' },
  ON_REVIEW: { approve: 'APPROVED', returnForRework: 'RETURNED', refuse: 'REFUSED' },
};

export interface BusinessPlanItem {
  name: string;
  amountKopecks: number;
}

/** Бизнес-план (BUSINESS, SUBSIDIARY_FARM): what the lump sum buys. */
export interface BusinessPlan {
  summary: string;
  /** ИП, НПД or ЛПХ */
  activityForm: 'SOLE_TRADER' | 'SELF_EMPLOYED' | 'SUBSIDIARY_FARM';
  amountRequestedKopecks: number;
  items: BusinessPlanItem[];
}

export type HardshipPaymentMode = 'MONTHLY' | 'LUMP_SUM';

export interface DraftProgrammeInput {
  direction: ScDirection;
  termMonths: number;
  plannedStart: IsoDate;
  activities: ActivityInput[];
  businessPlan?: BusinessPlan | null;
  hardshipPaymentMode?: HardshipPaymentMode | null;
  hardshipLumpSumKopecks?: number | null;
  /** Financial-literacy training is offered as a standard activity (seed 002); false leaves it out. */
  includeFinancialLiteracy?: boolean | null;
}

/** Term within the direction's maximum and the overall bounds (DOMAIN.md §3). */
export function validateTerm(
  direction: ScDirection,
  termMonths: number,
  p: RegionalParameters,
  field = 'input.termMonths',
): void {
  const min = p.get('CONTRACT_MIN_MONTHS');
  const max = p.get('CONTRACT_MAX_MONTHS');
  if (!Number.isInteger(termMonths) || termMonths < min || termMonths > max)
    throw new ValidationError(field, 'TERM_RANGE', `the term must be ${min}–${max} months`);
  const dirMax = p.get(MAX_TERM_PARAMETER[direction]);
  if (termMonths > dirMax)
    throw new ValidationError(
      field,
      'TERM_MAX_FOR_DIRECTION',
      `a ${direction} contract lasts at most ${dirMax} months`,
      { max: dirMax },
    );
}

/** Activities must lie inside the contract dates, start before they are due, and respect the training cap. */
export function validateActivities(
  activities: readonly Pick<ActivityInput, 'startDate' | 'dueDate' | 'kind' | 'costKopecks'>[],
  start: IsoDate,
  end: IsoDate,
  p: RegionalParameters,
  path = 'input.activities',
): void {
  activities.forEach((a, i) => {
    const at = `${path}[${i}]`;
    parseIsoDate(a.startDate, `${at}.startDate`);
    parseIsoDate(a.dueDate, `${at}.dueDate`);
    if (a.startDate > a.dueDate)
      throw new ValidationError(`${at}.dueDate`, 'DATE_ORDER', 'the due date cannot precede the start date');
    if (a.startDate < start || a.dueDate > end)
      throw new ValidationError(
        `${at}.dueDate`,
        'ACTIVITY_WITHIN_CONTRACT',
        `activities must fall inside the contract dates ${start}…${end}`,
      );
    if (a.costKopecks !== null && a.costKopecks !== undefined) {
      if (!Number.isInteger(a.costKopecks) || a.costKopecks < 0)
        throw new ValidationError(
          `${at}.costKopecks`,
          'AMOUNT_RANGE',
          'must be a whole, non-negative number of kopecks',
        );
      const cap = p.get('CAP_TRAINING_KOPECKS');
      if (a.kind === 'VOCATIONAL_TRAINING' && a.costKopecks > cap)
        throw new ValidationError(`${at}.costKopecks`, 'TRAINING_CAP', `training costs at most ${cap} kopecks`, {
          cap,
        });
    }
  });
}

function validateBusinessPlan(
  direction: ScDirection,
  plan: BusinessPlan | null | undefined,
  p: RegionalParameters,
): void {
  const capCode = LUMP_SUM_CAP_PARAMETER[direction];
  if (!capCode) {
    if (plan)
      throw new ValidationError(
        'input.businessPlan',
        'BUSINESS_PLAN_NOT_ALLOWED',
        `a ${direction} contract has no business plan`,
      );
    return;
  }
  if (!plan)
    throw new ValidationError(
      'input.businessPlan',
      'BUSINESS_PLAN_REQUIRED',
      `a ${direction} contract needs a business plan`,
    );
  if (!plan.summary.trim()) throw new ValidationError('input.businessPlan.summary', 'REQUIRED', 'must not be empty');
  if (plan.items.length === 0)
    throw new ValidationError('input.businessPlan.items', 'REQUIRED', 'list what the lump sum buys');
  plan.items.forEach((it, i) => {
    if (!Number.isInteger(it.amountKopecks) || it.amountKopecks <= 0)
      throw new ValidationError(
        `input.businessPlan.items[${i}].amountKopecks`,
        'AMOUNT_RANGE',
        'must be a positive whole number of kopecks',
      );
  });
  const sum = plan.items.reduce((s, it) => s + it.amountKopecks, 0);
  if (sum !== plan.amountRequestedKopecks)
    throw new ValidationError(
      'input.businessPlan.amountRequestedKopecks',
      'BUSINESS_PLAN_TOTAL',
      `the items add up to ${sum}, not ${plan.amountRequestedKopecks}`,
    );
  const cap = p.get(capCode);
  if (plan.amountRequestedKopecks > cap)
    throw new ValidationError(
      'input.businessPlan.amountRequestedKopecks',
      'LUMP_SUM_CAP',
      `a ${direction} lump sum is at most ${cap} kopecks`,
      { cap },
    );
}

export class AdaptationProgramme {
  id!: string;
  applicationId!: string;
  citizenId!: string;
  /** ОКТМО: the application's. */
  territory!: string;
  status!: ProgrammeStatus;
  direction!: ScDirection;
  termMonths!: number;
  plannedStart!: IsoDate;
  plannedEnd!: IsoDate;
  activities: PsaActivity[] = [];
  businessPlan?: BusinessPlan | null;
  hardshipPaymentMode?: HardshipPaymentMode | null;
  hardshipLumpSumKopecks?: number | null;
  /** The МВК's reasons for a return or refusal. */
  commissionReasons?: string | null;
  draftedBy!: string;
  /** Редакция проекта: each draft or redraft is a new one, agreed anew. */
  revision: number = 0;
  /** Согласование: one entry per party and revision (earlier revisions kept as history). */
  agreements: ProgrammeAgreement[] = [];
  updatedAt!: Date;
  version: number = 1;

  /** The current revision's agreements. */
  currentAgreements(): ProgrammeAgreement[] {
    return this.agreements.filter((a) => a.revision === this.revision);
  }

  isAgreed(): boolean {
    return this.currentAgreements().length > 0 && notAgreed(this.agreements, this.revision).length === 0;
  }

  /**
   * A party's answer to a revision. Answers to an earlier revision are kept
   * as history and decide nothing; the current one is answered only while
   * the programme is a draft.
   */
  recordAgreement(
    party: ProgrammeParty,
    revision: number,
    answer: Parameters<typeof recordAgreementAnswer>[3],
  ): 'RECORDED' | 'REPEATED' {
    if (revision === this.revision && this.status !== 'DRAFT') {
      const entry = this.agreements.find((a) => a.party === party && a.revision === revision);
      if (entry?.status === answer.decision) return 'REPEATED';
      throw new ConflictError('NOT_DRAFTING', `the programme is ${this.status}: its agreement is closed`, {
        rule: 'STATE_MACHINE',
        currentState: this.status,
        attemptedAction: 'recordAgreement',
      });
    }
    return recordAgreementAnswer(this.agreements, party, revision, answer);
  }

  /** Only an agreed draft goes to the commission (seed 000, step 3; DOMAIN.md §4.1). */
  assertAgreed(): void {
    if (this.isAgreed()) return;
    const missing = notAgreed(this.agreements, this.revision);
    throw new ConflictError(
      'PSA_NOT_AGREED',
      `revision ${this.revision} of the ПСА is not agreed yet: ${missing.map((a) => `${a.party} ${a.status}`).join(', ')}`,
      {
        rule: 'PSA_AGREED_BEFORE_COMMISSION',
        revision: this.revision,
        notAgreed: missing.map((a) => ({ party: a.party, status: a.status })),
      },
    );
  }

  apply(e: ProgrammeEvent): void {
    this.status = transition('AdaptationProgramme', TRANSITIONS, this.status, e);
  }

  /** Drafts (or redrafts after a return) the programme with all its rules checked. */
  static draft(a: {
    existing?: AdaptationProgramme | null;
    applicationId: string;
    citizenId: string;
    territory: string;
    input: DraftProgrammeInput;
    params: RegionalParameters;
    earliestStart: IsoDate;
    /** The date the partners are asked to answer by. */
    answerBy: IsoDate;
    by: string;
    now: Date;
  }): AdaptationProgramme {
    const { input: i, params: p } = a;
    validateTerm(i.direction, i.termMonths, p);
    parseIsoDate(i.plannedStart, 'input.plannedStart');
    if (i.plannedStart < a.earliestStart)
      throw new ValidationError(
        'input.plannedStart',
        'DATE_ORDER',
        `the programme cannot start before ${a.earliestStart}`,
      );
    const end = termEnd(i.plannedStart, i.termMonths);
    if (i.activities.length === 0)
      throw new ValidationError('input.activities', 'REQUIRED', 'a programme needs at least one activity');
    validateActivities(i.activities, i.plannedStart, end, p);
    validateBusinessPlan(i.direction, i.businessPlan, p);
    validateHardshipMode(i);

    const activities = withStandardActivities(i, end, a.now);

    const prog =
      a.existing ??
      Object.assign(new AdaptationProgramme(), {
        id: uuidv7(a.now.getTime()),
        applicationId: a.applicationId,
        citizenId: a.citizenId,
        territory: a.territory,
        status: 'DRAFT' as ProgrammeStatus,
      });
    if (a.existing) prog.apply('redraft');
    const revision = prog.revision + 1;
    const parties = partiesToAgree(activities);
    Object.assign(prog, {
      revision,
      agreements: [
        ...prog.agreements,
        ...parties.map((party) => pendingAgreement(party, revision, party === 'CITIZEN' ? null : a.answerBy)),
      ],
      direction: i.direction,
      termMonths: i.termMonths,
      plannedStart: i.plannedStart,
      plannedEnd: end,
      activities,
      businessPlan: i.businessPlan ?? null,
      hardshipPaymentMode: i.hardshipPaymentMode ?? null,
      hardshipLumpSumKopecks: i.hardshipLumpSumKopecks ?? null,
      draftedBy: a.by,
      updatedAt: a.now,
    });
    return prog;
  }
}

/** ТЖС only: paid MONTHLY or as a LUMP_SUM (then a positive sum); other directions choose no mode. */
function validateHardshipMode(i: DraftProgrammeInput): void {
  if (i.direction === 'HARDSHIP') {
    if (!i.hardshipPaymentMode)
      throw new ValidationError(
        'input.hardshipPaymentMode',
        'REQUIRED',
        'a HARDSHIP contract is paid MONTHLY or as a LUMP_SUM',
      );
    if (i.hardshipPaymentMode === 'LUMP_SUM') {
      const v = i.hardshipLumpSumKopecks;
      if (!v || !Number.isInteger(v) || v <= 0)
        throw new ValidationError(
          'input.hardshipLumpSumKopecks',
          'REQUIRED',
          'a positive lump sum in kopecks is required',
        );
    }
  } else if (i.hardshipPaymentMode || i.hardshipLumpSumKopecks) {
    throw new ValidationError(
      'input.hardshipPaymentMode',
      'HARDSHIP_ONLY',
      'only a HARDSHIP contract chooses a payment mode',
    );
  }
}

/**
 * The entered activities plus the standard ones every ПСА has unless entered:
 * registration at ЦЗН for a job search (due in a month), financial literacy
 * at КЦСОН (in two months, unless declined) — each due no later than the end.
 */
function withStandardActivities(i: DraftProgrammeInput, end: IsoDate, now: Date): PsaActivity[] {
  const activities: PsaActivity[] = i.activities.map((x) => plannedActivity(x, now));
  const standard = (kind: PsaActivityKind, description: string, agency: ResponsibleAgency, dueAfterMonths: number) => {
    if (activities.some((x) => x.kind === kind)) return;
    const due = addMonths(i.plannedStart, dueAfterMonths);
    const dueDate = due < end ? due : end;
    const input = { kind, description, responsibleAgency: agency, startDate: i.plannedStart, dueDate };
    activities.push(plannedActivity(input, now, true));
  };
  if (i.direction === 'JOB_SEARCH')
    standard('JOB_SEEKER_REGISTRATION', 'Регистрация в ЦЗН в качестве ищущего работу (безработного)', 'EMPLOYMENT', 1);
  if (i.includeFinancialLiteracy !== false)
    standard('FINANCIAL_LITERACY', 'Обучение финансовой грамотности', 'SOCIAL_SERVICE', 2);
  return activities;
}

/** Activities still open that one agency answers for. */
export const openActivitiesOf = (activities: readonly PsaActivity[], agency: ResponsibleAgency): PsaActivity[] =>
  activities.filter((x) => x.responsibleAgency === agency && isActivityOpen(x));

export function assertProgrammeApproved(p: AdaptationProgramme | null | undefined): asserts p is AdaptationProgramme {
  if (!p || p.status !== 'APPROVED') {
    throw new ConflictError(
      'PROGRAMME_NOT_APPROVED',
      'a social contract can be concluded only from a programme approved by the interagency commission',
      {
        rule: 'APPROVED_PROGRAMME_REQUIRED',
        currentState: p?.status ?? 'NONE',
        attemptedAction: 'concludeSocialContract',
      },
    );
  }
}
