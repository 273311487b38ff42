import type { NeedsQuestionnaire } from '@sc/contracts';
import { nextReferralStatus, type ReferralStatus, type ReferralType } from '@sc/kernel';

/** Направление, received by ЦСПН from ЦЗН or КЦСОН (M4). Its id is the sender's referral id. */
export class IncomingReferral {
  id!: string;
  citizenId!: string;
  /** ОКТМО, где гражданина обслуживают (from the message, else as known, else the region queue). */
  territory!: string;
  type!: ReferralType;
  fromAgency!: 'EMPLOYMENT' | 'SOCIAL_SERVICE';
  senderCaseId!: string;
  basis!: string;
  comment?: string | null;
  needs!: NeedsQuestionnaire;
  status!: ReferralStatus;
  receivedAt!: Date;
  applicationId?: string | null;

  static receive(
    a: Omit<IncomingReferral, 'status' | 'applicationId' | 'type' | 'accept'> & { type?: ReferralType },
  ): IncomingReferral {
    const r = new IncomingReferral();
    Object.assign(r, { type: 'FOR_CONTRACT', ...a, status: 'SENT' as ReferralStatus, applicationId: null });
    return r;
  }

  accept(applicationId: string): void {
    this.status = nextReferralStatus(this.status, 'accept');
    this.applicationId = applicationId;
  }
}
