import type { Agency } from './agency';
import type { IsoDate } from './calendar-date';
import { ValidationError } from './errors';
import { nextReferralStatus, type ReferralOutcome, type ReferralStatus, type ReferralType } from './referral';

/**
 * Направление as its receiver keeps it (ЦСПН from ЦЗН or КЦСОН, ЦЗН and КЦСОН
 * from ЦСПН). Accepted on receipt — the receiver's case opens or waits for the
 * citizen — then: the citizen appears (IN_SERVICE), the result goes back
 * (RESULT_SENT); or the receiver returns it with a reason while the citizen
 * has not appeared; or it expires when the citizen does not appear by
 * `appearanceDueOn` (DOMAIN.md §4.4). Each method returns false when the
 * step was already taken, so a repeated trigger sends nothing twice.
 */
export abstract class ReceivedReferral {
  /** The sender's referral id. */
  id!: string;
  citizenId!: string;
  /** ОКТМО of the receiving office. */
  territory!: string;
  type!: ReferralType;
  fromAgency!: Agency;
  senderCaseId!: string;
  status!: ReferralStatus;
  receivedAt!: Date;
  /** The receiver's case: opened on receipt (ЦСПН's application) or when the citizen comes (ЦЗН's registration). */
  receiverCaseId?: string | null;
  /** The citizen must appear by then (REFERRAL_APPEARANCE_WORKING_DAYS_<type>, counted from receipt). */
  appearanceDueOn?: IsoDate | null;
  inServiceAt?: Date | null;
  resultAt?: Date | null;
  outcome?: ReferralOutcome | null;
  resultSummary?: string | null;
  returnReason?: string | null;
  returnedAt?: Date | null;
  returnedBy?: string | null;
  expiredAt?: Date | null;

  /** Common fields of a new receipt; the subclass adds its own. */
  protected receive(a: {
    id: string;
    citizenId: string;
    territory: string;
    type: ReferralType;
    fromAgency: Agency;
    senderCaseId: string;
    receivedAt: Date;
    receiverCaseId?: string | null;
    appearanceDueOn?: IsoDate | null;
  }): this {
    Object.assign(this, { receiverCaseId: null, appearanceDueOn: null, ...a });
    this.status = nextReferralStatus('SENT', 'accept');
    return this;
  }

  citizenAppeared(receiverCaseId: string, at: Date): boolean {
    if (this.status !== 'ACCEPTED') return false;
    this.status = nextReferralStatus(this.status, 'citizenAppeared');
    this.receiverCaseId = receiverCaseId;
    this.inServiceAt = at;
    return true;
  }

  /** The result goes back to the sender; a citizen who got a result evidently appeared. */
  sendResult(r: { receiverCaseId: string; outcome: ReferralOutcome; summary?: string | null; at: Date }): boolean {
    if (this.resultAt || this.status === 'RETURNED' || this.status === 'EXPIRED') return false;
    this.citizenAppeared(r.receiverCaseId, r.at);
    this.status = nextReferralStatus(this.status, 'sendResult');
    Object.assign(this, { outcome: r.outcome, resultSummary: r.summary?.trim() || null, resultAt: r.at });
    return true;
  }

  /** Returned (wrong addressee, incomplete): the reason is required; a state that forbids it is a CONFLICT. */
  returnWith(reason: string, by: string, at: Date): void {
    const text = reason.trim();
    if (!text) throw new ValidationError('input.reason', 'REQUIRED', 'a returned referral must state its reason');
    if (text.length > 2000) throw new ValidationError('input.reason', 'MAX_LENGTH', 'must be at most 2000 characters');
    this.status = nextReferralStatus(this.status, 'return');
    Object.assign(this, { returnReason: text, returnedAt: at, returnedBy: by });
  }

  /** The citizen did not appear by the deadline (checked by the receiver's scheduler). */
  expireIfDue(today: IsoDate, at: Date): boolean {
    if (this.status !== 'ACCEPTED' || !this.appearanceDueOn || this.appearanceDueOn >= today) return false;
    this.status = nextReferralStatus(this.status, 'expire');
    this.expiredAt = at;
    return true;
  }
}
