import type { Agency } from './agency';
import { ConflictError, ValidationError } from './errors';
import { uuidv7 } from './ids';
import { isReferralOpen, nextReferralStatus, type ReferralStatus, type ReferralType } from './referral';

/** Основание направления на социальный контракт. */
export type ReferralBasis = 'LOW_INCOME' | 'HARDSHIP' | 'UNEMPLOYED' | 'OTHER';

/** Направление as its sender keeps it (КЦСОН or ЦЗН → ЦСПН); the receiver's reply moves it on (DOMAIN.md §4.4). */
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

  /**
   * Creates and sends in one step: the referral row and its message commit
   * together, so a CREATED referral is never left behind.
   */
  static sendForContract(a: {
    citizenId: string;
    territory: string;
    senderCaseId: string;
    basis: ReferralBasis;
    comment?: string | null;
    createdBy: string;
    now: Date;
    openReferrals: OutgoingReferral[];
  }): OutgoingReferral {
    const comment = a.comment?.trim() || null;
    if (comment && comment.length > 2000)
      throw new ValidationError('input.comment', 'MAX_LENGTH', 'must be at most 2000 characters');
    const open = a.openReferrals.find((r) => r.type === 'FOR_CONTRACT' && isReferralOpen(r.status));
    if (open) {
      throw new ConflictError(
        'REFERRAL_ALREADY_OPEN',
        `the citizen already has an open referral for a social contract (${open.id}, ${open.status})`,
        {
          field: 'input.citizenId',
          rule: 'ONE_OPEN_REFERRAL_PER_TYPE',
          referralId: open.id,
        },
      );
    }
    const r = new OutgoingReferral();
    Object.assign(r, {
      id: uuidv7(a.now.getTime()),
      citizenId: a.citizenId,
      territory: a.territory,
      senderCaseId: a.senderCaseId,
      type: 'FOR_CONTRACT',
      toAgency: 'SOCIAL_PROTECTION',
      basis: a.basis,
      comment,
      status: nextReferralStatus('CREATED', 'send'),
      sentAt: a.now,
      createdBy: a.createdBy,
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
    this.respondedAt = at;
    return true;
  }
}
