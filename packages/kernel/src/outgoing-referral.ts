import type { Agency } from './agency';
import { ConflictError, ValidationError } from './errors';
import type { IsoDate } from './calendar-date';
import { uuidv7 } from './ids';
import {
  isReferralOpen,
  nextReferralStatus,
  type ReferralOutcome,
  type ReferralStatus,
  type ReferralType,
} from './referral';

/** Which of its deadlines an open referral has missed (shown on the referral, escalated, counted on the SLA board). */
export type ReferralBreach = 'ACCEPTANCE' | 'RESULT';

/** Основание направления на социальный контракт. */
export type ReferralBasis = 'LOW_INCOME' | 'HARDSHIP' | 'UNEMPLOYED' | 'OTHER';

/**
 * Направление as its sender keeps it (КЦСОН or ЦЗН → ЦСПН for a contract;
 * ЦСПН → ЦЗН, ЦСПН → КЦСОН); the receiver's messages move it on
 * (DOMAIN.md §4.4): accepted or returned, the citizen appeared, the result,
 * expired. Its deadlines are fixed when it is sent, from the parameters then
 * in force, so a later change of a parameter does not move them.
 */
export class OutgoingReferral {
  id!: string;
  citizenId!: string;
  /** ОКТМО of the sender's office (its case's territory). */
  territory!: string;
  /** The sender's case the referral comes from (КЦСОН application, ЦЗН registration). */
  senderCaseId!: string;
  type!: ReferralType;
  toAgency!: Agency;
  basis!: ReferralBasis;
  comment?: string | null;
  status!: ReferralStatus;
  sentAt!: Date;
  respondedAt?: Date | null;
  receiverCaseId?: string | null;
  returnReason?: string | null;
  createdBy!: string;
  /** Due dates (the region's calendar); null on referrals sent before deadlines were kept. */
  acceptanceDueOn?: IsoDate | null;
  resultDueOn?: IsoDate | null;
  /** The citizen appeared at the receiver (IN_SERVICE). */
  inServiceAt?: Date | null;
  /** The receiver's result: when, what, in a sentence. */
  resultAt?: Date | null;
  outcome?: ReferralOutcome | null;
  resultSummary?: string | null;
  /** The receiver closed it because the citizen did not appear by its deadline. */
  expiredAt?: Date | null;

  /**
   * Creates and sends in one step: the referral row and its message commit
   * together, so a CREATED referral is never left behind.
   */
  static sendForContract(a: Omit<SendArgs, 'type' | 'toAgency'>): OutgoingReferral {
    return OutgoingReferral.send({ ...a, type: 'FOR_CONTRACT', toAgency: 'SOCIAL_PROTECTION' });
  }

  /** A referral of any type; one open referral per citizen, type and receiver. */
  static send(a: SendArgs): OutgoingReferral {
    const comment = a.comment?.trim() || null;
    if (comment && comment.length > 2000)
      throw new ValidationError('input.comment', 'MAX_LENGTH', 'must be at most 2000 characters');
    const open = a.openReferrals.find(
      (r) => r.type === a.type && r.toAgency === a.toAgency && isReferralOpen(r.status),
    );
    if (open) {
      throw new ConflictError(
        'REFERRAL_ALREADY_OPEN',
        `the citizen already has an open referral of type ${a.type} to ${a.toAgency} (${open.id}, ${open.status})`,
        { field: 'input.citizenId', rule: 'ONE_OPEN_REFERRAL_PER_TYPE', referralId: open.id },
      );
    }
    const r = new OutgoingReferral();
    Object.assign(r, {
      id: a.id ?? uuidv7(a.now.getTime()),
      citizenId: a.citizenId,
      territory: a.territory,
      senderCaseId: a.senderCaseId,
      type: a.type,
      toAgency: a.toAgency,
      basis: a.basis,
      comment,
      status: nextReferralStatus('CREATED', 'send'),
      sentAt: a.now,
      createdBy: a.createdBy,
      acceptanceDueOn: a.deadlines?.acceptanceDueOn ?? null,
      resultDueOn: a.deadlines?.resultDueOn ?? null,
    });
    return r;
  }

  /** Returns false when this reply was already recorded (a replayed reply has no second effect). */
  accept(receiverCaseId: string, at: Date): boolean {
    if (this.status === 'ACCEPTED' && this.receiverCaseId === receiverCaseId) return false;
    this.status = nextReferralStatus(this.status, 'accept');
    this.receiverCaseId = receiverCaseId;
    this.respondedAt = at;
    return true;
  }

  returnWith(reason: string, at: Date): boolean {
    if (this.status === 'RETURNED') return false;
    this.status = nextReferralStatus(this.status, 'return');
    this.returnReason = reason;
    this.respondedAt ??= at;
    return true;
  }

  /** The citizen appeared at the receiver: its case is known from now on. */
  startService(receiverCaseId: string, at: Date): boolean {
    if (this.inServiceAt) return false;
    if (this.status === 'SENT') this.accept(receiverCaseId, at); // the messages of a partition keep order; this is a safeguard
    this.status = nextReferralStatus(this.status, 'citizenAppeared');
    this.receiverCaseId = receiverCaseId;
    this.inServiceAt = at;
    return true;
  }

  /** The receiver's result closes the sender's copy (RESULT_SENT → CLOSED: nothing more is expected). */
  recordResult(r: {
    receiverCaseId: string;
    outcome: ReferralOutcome;
    summary?: string | null | undefined;
    at: Date;
  }): boolean {
    if (this.resultAt) return false;
    if (!this.inServiceAt) this.startService(r.receiverCaseId, r.at);
    this.status = nextReferralStatus(nextReferralStatus(this.status, 'sendResult'), 'close');
    Object.assign(this, { outcome: r.outcome, resultSummary: r.summary ?? null, resultAt: r.at });
    return true;
  }

  expire(at: Date): boolean {
    if (this.status === 'EXPIRED') return false;
    this.status = nextReferralStatus(this.status, 'expire');
    this.expiredAt = at;
    return true;
  }

  /** The deadline an open referral has missed by `today`, if any. */
  breachOn(today: IsoDate, due: ReferralDueDates = this): ReferralBreach | null {
    if (this.status === 'SENT' && due.acceptanceDueOn && due.acceptanceDueOn < today) return 'ACCEPTANCE';
    if ((this.status === 'ACCEPTED' || this.status === 'IN_SERVICE') && due.resultDueOn && due.resultDueOn < today)
      return 'RESULT';
    return null;
  }
}

export interface ReferralDueDates {
  acceptanceDueOn?: IsoDate | null;
  resultDueOn?: IsoDate | null;
}

interface SendArgs {
  /** Given when the sender's case already names the referral (ЦСПН's application keeps its M1 id). */
  id?: string;
  citizenId: string;
  territory: string;
  senderCaseId: string;
  type: ReferralType;
  toAgency: Agency;
  basis: ReferralBasis;
  comment?: string | null;
  createdBy: string;
  now: Date;
  openReferrals: OutgoingReferral[];
  deadlines?: { acceptanceDueOn: IsoDate; resultDueOn: IsoDate };
}
