import {
  addDays,
  addMonths,
  ConflictError,
  daysBetween,
  parseIsoDate,
  termEnd,
  uuidv7,
  ValidationError,
  type IsoDate,
} from '@sc/kernel';
import type { RegionalParameters } from '../../parameters/domain/regional-parameters';
import type { TerritorialZone } from '../../parameters/domain/subsistence-minimum';
import {
  validateActivities,
  validateTerm,
  type AdaptationProgramme,
  type ActivityInput,
} from '../../programmes/domain/adaptation-programme';
import type { PsaActivity } from '../../programmes/domain/psa-activity';
import type { ScDirection } from '../../programmes/domain/sc-direction';
import { nextContractStatus, RUNNING_STATUSES, type ContractEvent, type ContractStatus } from './contract-status';
import {
  cancelOpenPayments,
  generatePaymentSchedule,
  monthlyPaymentOf,
  paidTotal,
  releaseAfterEmployment,
  type ContractPayment,
} from './payment-schedule';

/** Уважительные причины продления (DOMAIN.md §3). */
export const EXTENSION_REASONS = [
  'ILLNESS_OVER_MONTH',
  'DEATH_IN_FAMILY',
  'FIRE_OR_DISASTER',
  'CARING_FOR_RELATIVE',
  'OTHER_VALID_REASON',
] as const;
export type ExtensionReason = (typeof EXTENSION_REASONS)[number];

/** Основания досрочного расторжения (DOMAIN.md §3; points 31–32 of the 1931 Rules are [U]). */
export const TERMINATION_GROUNDS = [
  'PSA_NOT_FULFILLED',
  'FALSE_INFORMATION',
  'MISUSE_OF_FUNDS',
  'OWN_REQUEST',
  'MOVED_OUT_OF_REGION',
  'DEATH',
  'NO_SUCCESSOR',
] as const;
export type TerminationGround = (typeof TERMINATION_GROUNDS)[number];
/** Grounds on which the money paid must be returned. */
const REPAYMENT_GROUNDS: readonly TerminationGround[] = ['FALSE_INFORMATION', 'MISUSE_OF_FUNDS'];

export interface Employment {
  confirmedOn: IsoDate;
  employerInn: string;
  employerName?: string | null;
  position: string;
  wageKopecks: number;
  contractDate: IsoDate;
}

export interface Amendment {
  on: IsoDate;
  description: string;
  by: string;
}

export interface Extension {
  previousEndDate: IsoDate;
  newEndDate: IsoDate;
  reasonKind: ExtensionReason;
  reason: string;
  decidedBy: string;
  decidedOn: IsoDate;
}

export interface Termination {
  ground: TerminationGround;
  on: IsoDate;
  note?: string | null;
  by: string;
}

export interface Repayment {
  amountKopecks: number;
  dueDate: IsoDate;
  paidOn?: IsoDate | null;
  courtReferredOn?: IsoDate | null;
}

/** Заключение комиссии об эффективности (seed 000, step 7). */
export interface Evaluation {
  effective: boolean;
  perCapitaIncomeBeforeKopecks: number;
  perCapitaIncomeAfterKopecks: number;
  incomeIncreased: boolean;
  conclusion: string;
  decidedBy: string;
  decidedOn: IsoDate;
  dueDate: IsoDate;
}

export interface MonitoringCheckpoint {
  no: number;
  dueDate: IsoDate;
  doneOn?: IsoDate | null;
  format?: 'REMOTE' | 'VISIT' | null;
  perCapitaIncomeKopecks?: number | null;
  employed?: boolean | null;
  notes?: string | null;
  by?: string | null;
}

/** Мониторинг после окончания контракта (12 months, DOMAIN.md §2.1.11). */
export interface PostMonitoring {
  startDate: IsoDate;
  endDate: IsoDate;
  checkpoints: MonitoringCheckpoint[];
}

const conflict = (code: string, message: string, rule: string, extra: Record<string, unknown> = {}) =>
  new ConflictError(code, message, { rule, ...extra });

/** Социальный контракт: the aggregate that holds its ПСА activities, payments and after-life. */
export class SocialContract {
  id!: string;
  number!: string;
  citizenId!: string;
  applicationId!: string;
  programmeId!: string;
  direction!: ScDirection;
  status!: ContractStatus;
  region!: string;
  zone!: TerritorialZone;
  signedOn!: IsoDate;
  startDate!: IsoDate;
  endDate!: IsoDate;
  originalEndDate!: IsoDate;
  termMonths!: number;
  assignedTo?: string | null;
  activities: PsaActivity[] = [];
  payments: ContractPayment[] = [];
  pmYear!: number;
  pmWorkingAgeKopecks!: number;
  monthlyPaymentKopecks?: number | null;
  perCapitaIncomeBeforeKopecks!: number;
  employment?: Employment | null;
  amendments: Amendment[] = [];
  extension?: Extension | null;
  reviewReason?: string | null;
  termination?: Termination | null;
  repayment?: Repayment | null;
  evaluation?: Evaluation | null;
  postMonitoring?: PostMonitoring | null;
  concludedAt!: Date;
  statusChangedAt!: Date;
  version: number = 1;

  private go(e: ContractEvent, now: Date): ContractStatus {
    const prev = this.status;
    this.status = nextContractStatus(this.status, e);
    this.statusChangedAt = now;
    return prev;
  }

  isRunning(): boolean {
    return RUNNING_STATUSES.includes(this.status);
  }

  /** Concluded only from an approved programme; activities copied in as the contract's ПСА. */
  static conclude(a: {
    number: string;
    programme: AdaptationProgramme;
    applicationId: string;
    citizenId: string;
    region: string;
    zone: TerritorialZone;
    signedOn: IsoDate;
    startDate: IsoDate;
    pm: { year: number; workingAgeKopecks: number };
    perCapitaIncomeBeforeKopecks: number;
    assignedTo?: string | null;
    params: RegionalParameters;
    now: Date;
  }): SocialContract {
    const prog = a.programme;
    parseIsoDate(a.signedOn, 'input.signedOn');
    parseIsoDate(a.startDate, 'input.startDate');
    if (a.startDate < a.signedOn)
      throw new ValidationError('input.startDate', 'DATE_ORDER', 'the contract cannot start before it is signed');
    validateTerm(prog.direction, prog.termMonths, a.params, 'programme.termMonths');
    const end = termEnd(a.startDate, prog.termMonths);
    // The approved activities must still fit when the start moves from the planned one.
    validateActivities(prog.activities as ActivityInput[], a.startDate, end, a.params, 'programme.activities');
    const monthly = monthlyPaymentOf(a.pm.workingAgeKopecks, a.params);
    if (
      prog.direction === 'HARDSHIP' &&
      prog.hardshipPaymentMode === 'LUMP_SUM' &&
      prog.hardshipLumpSumKopecks! > monthly * prog.termMonths
    ) {
      throw new ValidationError(
        'programme.hardshipLumpSumKopecks',
        'HARDSHIP_LUMP_SUM_CAP',
        `the lump sum cannot exceed the monthly payments of the whole term (${monthly * prog.termMonths} kopecks)`,
      );
    }
    const c = new SocialContract();
    Object.assign(c, {
      id: uuidv7(a.now.getTime()),
      number: a.number,
      citizenId: a.citizenId,
      applicationId: a.applicationId,
      programmeId: prog.id,
      direction: prog.direction,
      status: 'SIGNED' as ContractStatus,
      region: a.region,
      zone: a.zone,
      signedOn: a.signedOn,
      startDate: a.startDate,
      endDate: end,
      originalEndDate: end,
      termMonths: prog.termMonths,
      assignedTo: a.assignedTo ?? null,
      activities: structuredClone(prog.activities),
      payments: generatePaymentSchedule({
        programme: prog,
        startDate: a.startDate,
        termMonths: prog.termMonths,
        pmWorkingAgeKopecks: a.pm.workingAgeKopecks,
        params: a.params,
      }),
      pmYear: a.pm.year,
      pmWorkingAgeKopecks: a.pm.workingAgeKopecks,
      monthlyPaymentKopecks:
        prog.direction === 'JOB_SEARCH' || (prog.direction === 'HARDSHIP' && prog.hardshipPaymentMode === 'MONTHLY')
          ? monthly
          : null,
      perCapitaIncomeBeforeKopecks: a.perCapitaIncomeBeforeKopecks,
      concludedAt: a.now,
      statusChangedAt: a.now,
    });
    return c;
  }

  /** SIGNED → ACTIVE at the first payment or when the start date is reached. */
  start(now: Date): void {
    this.go('start', now);
  }

  recordPayment(no: number, paidOn: IsoDate, now: Date): ContractPayment {
    const pay = this.payments.find((x) => x.no === no);
    if (!pay) throw new ValidationError('input.paymentNo', 'MUST_EXIST', `the schedule has no payment ${no}`);
    if (pay.status === 'PAID')
      throw conflict('PAYMENT_ALREADY_PAID', `payment ${no} was paid on ${pay.paidOn}`, 'PAY_ONCE');
    if (pay.status === 'AWAITING_EMPLOYMENT')
      throw conflict(
        'PAYMENT_AWAITS_EMPLOYMENT',
        `payment ${no} is due only after ЦЗН confirms employment`,
        'JOB_SEARCH_PAYMENTS_AFTER_EMPLOYMENT',
      );
    if (pay.status === 'CANCELLED') throw conflict('PAYMENT_CANCELLED', `payment ${no} was cancelled`, 'STATE_MACHINE');
    parseIsoDate(paidOn, 'input.paidOn');
    if (paidOn < this.signedOn)
      throw new ValidationError('input.paidOn', 'DATE_ORDER', 'a payment cannot precede the signing of the contract');
    if (!this.isRunning())
      throw conflict('CONTRACT_NOT_RUNNING', `no payments on a contract in state ${this.status}`, 'STATE_MACHINE', {
        currentState: this.status,
      });
    if (this.status === 'SIGNED') this.start(now);
    pay.status = 'PAID';
    pay.paidOn = paidOn;
    return pay;
  }

  /** ЦЗН's confirmation of employment (M3) releases the JOB_SEARCH payments; a repeat changes nothing. */
  confirmEmployment(e: Employment): boolean {
    if (this.employment) return false;
    this.employment = e;
    releaseAfterEmployment(this.payments, e.confirmedOn, this.endDate);
    return true;
  }

  amend(
    description: string,
    added: PsaActivity[],
    params: RegionalParameters,
    today: IsoDate,
    by: string,
    now: Date,
  ): void {
    if (!description.trim())
      throw new ValidationError('input.description', 'REQUIRED', 'describe the supplementary agreement');
    validateActivities(added, this.startDate, this.endDate, params, 'input.addActivities');
    this.go('amend', now);
    this.activities.push(...added);
    this.amendments.push({ on: today, description: description.trim(), by });
  }

  putUnderReview(reason: string, now: Date): void {
    if (!reason.trim()) throw new ValidationError('input.reason', 'REQUIRED', 'say why the contract is under review');
    this.go('review', now);
    this.reviewReason = reason.trim();
  }

  resolveReview(now: Date): void {
    this.go('resolveReview', now);
    this.reviewReason = null;
  }

  /** Продление в последний месяц по уважительной причине, не более чем на половину первоначального срока. */
  extend(a: {
    newEndDate: IsoDate;
    reasonKind: ExtensionReason;
    reason: string;
    today: IsoDate;
    by: string;
    params: RegionalParameters;
    now: Date;
  }): void {
    parseIsoDate(a.newEndDate, 'input.newEndDate');
    if (this.status !== 'ACTIVE') this.go('extend', a.now); // throws the proper CONFLICT (already extended, under review, ended…)
    if (a.newEndDate <= this.endDate)
      throw new ValidationError(
        'input.newEndDate',
        'DATE_ORDER',
        `the new end must be after the current end ${this.endDate}`,
      );
    const originalDays = daysBetween(this.startDate, this.originalEndDate) + 1;
    const maxEnd = addDays(
      this.originalEndDate,
      Math.floor((originalDays * a.params.get('EXTENSION_MAX_PERCENT_OF_TERM')) / 100),
    );
    if (a.newEndDate > maxEnd)
      throw new ValidationError(
        'input.newEndDate',
        'EXTENSION_MAX_HALF_TERM',
        `an extension is at most half the original term: the end can move to ${maxEnd} at the latest`,
        { maxEndDate: maxEnd },
      );
    if (a.today < addMonths(this.endDate, -1) || a.today > this.endDate) {
      throw conflict(
        'EXTENSION_OUTSIDE_FINAL_MONTH',
        `an extension is decided in the contract's last month (${addMonths(this.endDate, -1)}…${this.endDate})`,
        'EXTENSION_IN_FINAL_MONTH',
      );
    }
    if (!a.reason.trim()) throw new ValidationError('input.reason', 'REQUIRED', 'state the valid reason');
    this.go('extend', a.now);
    this.extension = {
      previousEndDate: this.endDate,
      newEndDate: a.newEndDate,
      reasonKind: a.reasonKind,
      reason: a.reason.trim(),
      decidedBy: a.by,
      decidedOn: a.today,
    };
    this.endDate = a.newEndDate;
  }

  /** The term has run out: ENDED; payments still waiting are cancelled. */
  endTerm(today: IsoDate, now: Date): void {
    if (this.isRunning() && today <= this.endDate)
      throw conflict('TERM_NOT_OVER', `the contract runs until ${this.endDate}`, 'TERM_ENDS_AFTER_END_DATE', {
        currentState: this.status,
        attemptedAction: 'endTerm',
      });
    this.go('endTerm', now);
    cancelOpenPayments(this.payments, 'срок контракта истёк', this.endDate);
  }

  evaluationDueDate(params: RegionalParameters): IsoDate {
    return addMonths(this.endDate, params.get('EFFECTIVENESS_DUE_MONTHS'));
  }

  /** The commission's conclusion, with per-capita income before (means test) and after. */
  evaluate(a: {
    effective: boolean;
    perCapitaIncomeAfterKopecks: number;
    conclusion: string;
    today: IsoDate;
    by: string;
    params: RegionalParameters;
    now: Date;
  }): Evaluation {
    if (!Number.isInteger(a.perCapitaIncomeAfterKopecks) || a.perCapitaIncomeAfterKopecks < 0)
      throw new ValidationError(
        'input.householdIncomeAfter',
        'AMOUNT_RANGE',
        'income after must be a whole, non-negative number of kopecks',
      );
    if (!a.conclusion.trim())
      throw new ValidationError('input.conclusion', 'REQUIRED', 'the commission’s conclusion must be written');
    this.go(a.effective ? 'evaluateEffective' : 'evaluateIneffective', a.now);
    this.evaluation = {
      effective: a.effective,
      perCapitaIncomeBeforeKopecks: this.perCapitaIncomeBeforeKopecks,
      perCapitaIncomeAfterKopecks: a.perCapitaIncomeAfterKopecks,
      incomeIncreased: a.perCapitaIncomeAfterKopecks > this.perCapitaIncomeBeforeKopecks,
      conclusion: a.conclusion.trim(),
      decidedBy: a.by,
      decidedOn: a.today,
      dueDate: this.evaluationDueDate(a.params),
    };
    return this.evaluation;
  }

  startPostMonitoring(params: RegionalParameters, now: Date): PostMonitoring {
    this.go('startPostMonitoring', now);
    const months = params.get('POST_MONITORING_MONTHS');
    const every = params.get('POST_MONITORING_CHECKPOINT_MONTHS');
    const checkpoints: MonitoringCheckpoint[] = [];
    for (let k = every, no = 1; k <= months; k += every, no++)
      checkpoints.push({ no, dueDate: addMonths(this.endDate, k) });
    this.postMonitoring = {
      startDate: addDays(this.endDate, 1),
      endDate: addMonths(this.endDate, months),
      checkpoints,
    };
    return this.postMonitoring;
  }

  recordCheckpoint(no: number, c: Omit<MonitoringCheckpoint, 'no' | 'dueDate'>, today: IsoDate): MonitoringCheckpoint {
    if (this.status !== 'POST_MONITORING' || !this.postMonitoring)
      throw conflict('NOT_IN_POST_MONITORING', `the contract is in state ${this.status}`, 'STATE_MACHINE', {
        currentState: this.status,
        attemptedAction: 'recordCheckpoint',
      });
    const cp = this.postMonitoring.checkpoints.find((x) => x.no === no);
    if (!cp)
      throw new ValidationError(
        'input.checkpointNo',
        'MUST_EXIST',
        `monitoring has checkpoints 1–${this.postMonitoring.checkpoints.length}`,
      );
    if (cp.doneOn) throw conflict('CHECKPOINT_DONE', `checkpoint ${no} was recorded on ${cp.doneOn}`, 'ONCE');
    parseIsoDate(c.doneOn!, 'input.doneOn');
    if (c.doneOn! > today)
      throw new ValidationError('input.doneOn', 'NOT_IN_FUTURE', 'a checkpoint cannot be dated in the future');
    if (c.doneOn! < this.postMonitoring.startDate)
      throw new ValidationError('input.doneOn', 'DATE_ORDER', `monitoring starts on ${this.postMonitoring.startDate}`);
    Object.assign(cp, c);
    return cp;
  }

  close(today: IsoDate, now: Date): void {
    if (this.status === 'POST_MONITORING') {
      const open = this.postMonitoring!.checkpoints.filter((x) => !x.doneOn);
      if (today < this.postMonitoring!.endDate && open.length) {
        throw conflict(
          'MONITORING_NOT_FINISHED',
          `post-contract monitoring runs until ${this.postMonitoring!.endDate}; ${open.length} checkpoint(s) open`,
          'POST_MONITORING_12_MONTHS',
        );
      }
    }
    this.go('close', now);
  }

  /** Досрочное расторжение; on misuse or false data the money paid is to be returned by a deadline. */
  terminate(a: {
    ground: TerminationGround;
    note?: string | null;
    repaymentKopecks?: number | null;
    today: IsoDate;
    by: string;
    params: RegionalParameters;
    now: Date;
  }): void {
    this.go('terminate', a.now);
    this.termination = { ground: a.ground, on: a.today, note: a.note ?? null, by: a.by };
    cancelOpenPayments(this.payments, 'контракт расторгнут досрочно');
    if (!REPAYMENT_GROUNDS.includes(a.ground)) return;
    const paid = paidTotal(this.payments);
    const amount = a.repaymentKopecks ?? paid;
    if (!Number.isInteger(amount) || amount <= 0 || amount > paid)
      throw new ValidationError(
        'input.repaymentKopecks',
        'REPAYMENT_RANGE',
        `the sum to return must be positive and at most what was paid (${paid} kopecks)`,
      );
    this.go('demandRepayment', a.now);
    this.repayment = {
      amountKopecks: amount,
      dueDate: addDays(a.today, a.params.get('REPAYMENT_DAYS')),
      paidOn: null,
      courtReferredOn: null,
    };
  }

  recordRepayment(paidOn: IsoDate, now: Date): void {
    parseIsoDate(paidOn, 'input.paidOn');
    this.go('repaid', now);
    this.repayment!.paidOn = paidOn;
  }

  referToCourt(today: IsoDate, now: Date): void {
    if (this.status === 'REPAYMENT_DUE' && today <= this.repayment!.dueDate)
      throw conflict(
        'REPAYMENT_NOT_OVERDUE',
        `the citizen may repay voluntarily until ${this.repayment!.dueDate}`,
        'VOLUNTARY_REPAYMENT_PERIOD',
      );
    this.go('referToCourt', now);
    this.repayment!.courtReferredOn = today;
  }

  /** Death or imprisonment of the holder: an adult family member may continue on the same terms. */
  suspendForSuccession(reason: string, now: Date): void {
    if (!reason.trim()) throw new ValidationError('input.reason', 'REQUIRED', 'state what happened to the holder');
    this.go('suspendForSuccession', now);
    this.reviewReason = reason.trim();
  }

  continueWithSuccessor(successor: string, today: IsoDate, by: string, now: Date): void {
    if (!successor.trim())
      throw new ValidationError('input.successorName', 'REQUIRED', 'name the adult family member who signs');
    this.go('succeed', now);
    this.amendments.push({ on: today, description: `контракт продолжен членом семьи: ${successor.trim()}`, by });
    this.reviewReason = null;
  }
}
