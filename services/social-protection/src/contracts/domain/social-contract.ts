import { parseIsoDate, ValidationError, type IsoDate } from '@sc/kernel';
import type { RegionalParameters } from '../../parameters/domain/regional-parameters';
import type { TerritorialZone } from '../../parameters/domain/subsistence-minimum';
import { validateActivities } from '../../programmes/domain/adaptation-programme';
import type { PsaActivity } from '../../programmes/domain/psa-activity';
import type { ScDirection } from '../../programmes/domain/sc-direction';
import {
  checkMonitoringFinished,
  checkpointToRecord,
  evaluationDueDate,
  evaluationOf,
  postMonitoringOf,
  type EvaluationInput,
} from './contract-after-term';
import { concludedState, type ConclusionInput } from './contract-conclusion';
import { checkExtension, type ExtensionRequest } from './contract-extension';
import { nextContractStatus, RUNNING_STATUSES, type ContractEvent, type ContractStatus } from './contract-status';
import {
  contractConflict as conflict,
  type Amendment,
  type Employment,
  type Evaluation,
  type Extension,
  type MonitoringCheckpoint,
  type PostMonitoring,
  type Repayment,
  type Termination,
  type TerminationGround,
} from './contract-terms';
import { repaymentDemand } from './contract-termination';
import { cancelOpenPayments, releaseAfterEmployment, type ContractPayment } from './payment-schedule';

// The contract's vocabulary lives in contract-terms.ts; re-exported so callers keep one import.
export * from './contract-terms';

/** Социальный контракт: the aggregate that holds its ПСА activities, payments and after-life. */
export class SocialContract {
  id!: string;
  number!: string;
  citizenId!: string;
  /** ОКТМО района, чей ЦСПН заключил контракт: the application's. */
  territory!: string;
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
  /** Monthly reports whose deadline moved on a good cause (non-fulfilment chain): period → new due day. */
  reportDeadlineExtensions: Record<string, IsoDate> = {};
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
  static conclude(a: ConclusionInput): SocialContract {
    return Object.assign(new SocialContract(), concludedState(a));
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
  extend(a: ExtensionRequest): void {
    parseIsoDate(a.newEndDate, 'input.newEndDate');
    if (this.status !== 'ACTIVE') this.go('extend', a.now); // throws the proper CONFLICT (already extended, under review, ended…)
    checkExtension(this, a);
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
    return evaluationDueDate(this.endDate, params);
  }

  /** The commission's conclusion, with per-capita income before (means test) and after. */
  evaluate(a: EvaluationInput): Evaluation {
    const evaluation = evaluationOf(this, a);
    this.go(a.effective ? 'evaluateEffective' : 'evaluateIneffective', a.now);
    this.evaluation = evaluation;
    return evaluation;
  }

  startPostMonitoring(params: RegionalParameters, now: Date): PostMonitoring {
    this.go('startPostMonitoring', now);
    this.postMonitoring = postMonitoringOf(this.endDate, params);
    return this.postMonitoring;
  }

  recordCheckpoint(no: number, c: Omit<MonitoringCheckpoint, 'no' | 'dueDate'>, today: IsoDate): MonitoringCheckpoint {
    if (this.status !== 'POST_MONITORING' || !this.postMonitoring)
      throw conflict('NOT_IN_POST_MONITORING', `the contract is in state ${this.status}`, 'STATE_MACHINE', {
        currentState: this.status,
        attemptedAction: 'recordCheckpoint',
      });
    return Object.assign(checkpointToRecord(this.postMonitoring, no, c.doneOn!, today), c);
  }

  close(today: IsoDate, now: Date): void {
    if (this.status === 'POST_MONITORING') checkMonitoringFinished(this.postMonitoring!, today);
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
    const repayment = repaymentDemand({ ...a, payments: this.payments });
    if (!repayment) return;
    this.go('demandRepayment', a.now);
    this.repayment = repayment;
  }

  /** A good cause for a missed report: its deadline moves (never before it was due, never past the term). */
  extendReportDeadline(period: string, newDueDate: IsoDate): void {
    if (newDueDate > this.endDate)
      throw new ValidationError('input.newDueDate', 'WITHIN_CONTRACT', `the contract ends on ${this.endDate}`);
    this.reportDeadlineExtensions = { ...this.reportDeadlineExtensions, [period]: newDueDate };
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
