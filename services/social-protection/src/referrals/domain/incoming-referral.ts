import type { NeedsQuestionnaire } from '@sc/contracts';
import { ReceivedReferral, type IsoDate, type ReferralOutcome } from '@sc/kernel';
import type { ScApplication } from '../../applications/domain/sc-application';

/**
 * Направление, received by ЦСПН from ЦЗН or КЦСОН (M4). Its id is the
 * sender's referral id; its receiver case (`receiverCaseId`) is the
 * application opened or joined on receipt.
 */
export class IncomingReferral extends ReceivedReferral {
  declare fromAgency: 'EMPLOYMENT' | 'SOCIAL_SERVICE';
  basis!: string;
  comment?: string | null;
  needs!: NeedsQuestionnaire;

  static receiveForContract(a: {
    id: string;
    citizenId: string;
    territory: string;
    fromAgency: 'EMPLOYMENT' | 'SOCIAL_SERVICE';
    senderCaseId: string;
    basis: string;
    comment?: string | null;
    needs: NeedsQuestionnaire;
    receivedAt: Date;
    applicationId: string;
    appearanceDueOn: IsoDate;
  }): IncomingReferral {
    const { basis, comment, needs, applicationId, ...common } = a;
    const r = new IncomingReferral().receive({ ...common, type: 'FOR_CONTRACT', receiverCaseId: applicationId });
    return Object.assign(r, { basis, comment: comment ?? null, needs });
  }
}

/**
 * What an application says of the referrals it serves. An application opened
 * from a referral is registered at once, without the citizen; the citizen
 * came once their household or documents are recorded, or the case has moved
 * past collecting them. The decision on it is the referral's result.
 */
export function referralProgressOf(a: Pick<ScApplication, 'status' | 'household' | 'documents'>): {
  appeared: boolean;
  result?: { outcome: ReferralOutcome; summary: string };
} {
  const decided: Partial<Record<ScApplication['status'], [ReferralOutcome, string]>> = {
    APPROVED: ['CONTRACT_GRANTED', 'МВК одобрила заключение социального контракта'],
    CONTRACTED: ['CONTRACT_GRANTED', 'социальный контракт заключён'],
    REJECTED: ['REFUSED', 'в назначении помощи на основании социального контракта отказано'],
    WITHDRAWN: ['WITHDRAWN', 'заявление отозвано'],
  };
  const d = decided[a.status];
  const collecting = ['SUBMITTED', 'REGISTERED', 'AWAITING_DATA'].includes(a.status);
  const appeared = !collecting || a.household.length > 0 || a.documents.length > 0;
  return { appeared, ...(d ? { result: { outcome: d[0], summary: d[1] } } : {}) };
}
