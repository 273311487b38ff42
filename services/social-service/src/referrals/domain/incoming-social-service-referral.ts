import type { NeedsQuestionnaire } from '@sc/contracts';
import { ReceivedReferral, type IsoDate, type ReferralOutcome } from '@sc/kernel';
import type { UrgentCaseStatus } from '../../urgent/domain/urgent-service-case';

/**
 * Направление из ЦСПН для срочных социальных услуг и социального
 * сопровождения (seed 000), as КЦСОН received it. Accepted on receipt with
 * an urgent-service case opened for it (`receiverCaseId`).
 */
export class IncomingSocialServiceReferral extends ReceivedReferral {
  basis!: string;
  comment?: string | null;
  needs!: NeedsQuestionnaire;

  static receiveFromSocialProtection(a: {
    id: string;
    citizenId: string;
    territory: string;
    senderCaseId: string;
    basis: string;
    comment?: string | null;
    needs: NeedsQuestionnaire;
    receivedAt: Date;
    urgentCaseId: string;
    appearanceDueOn: IsoDate;
  }): IncomingSocialServiceReferral {
    const { basis, comment, needs, urgentCaseId, ...common } = a;
    const r = new IncomingSocialServiceReferral().receive({
      ...common,
      type: 'FOR_URGENT_AND_ACCOMPANIMENT',
      fromAgency: 'SOCIAL_PROTECTION',
      receiverCaseId: urgentCaseId,
    });
    return Object.assign(r, { basis, comment: comment ?? null, needs });
  }
}

/**
 * What the urgent case says of its referral: the need is decided with the
 * citizen present (they came); the services delivered and the act — signed
 * or not — are the result, as is a refusal.
 */
export function urgentReferralProgress(status: UrgentCaseStatus): {
  appeared: boolean;
  result?: { outcome: ReferralOutcome; summary: string };
} {
  if (status === 'REFUSED')
    return { appeared: true, result: { outcome: 'REFUSED', summary: 'в срочных социальных услугах отказано' } };
  if (status === 'ACT_SIGNED' || status === 'ACT_UNSIGNED' || status === 'CLOSED')
    return { appeared: true, result: { outcome: 'SERVICES_PROVIDED', summary: 'срочные социальные услуги оказаны' } };
  return { appeared: status !== 'REQUESTED' };
}
