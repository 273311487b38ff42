import type { NeedsQuestionnaire } from '@sc/contracts';
import { ReceivedReferral, type IsoDate, type ReferralOutcome } from '@sc/kernel';

/**
 * Направление из ЦСПН для оказания услуг по содействию занятости (M1), as
 * ЦЗН received it. Accepted on receipt; its receiver case
 * (`receiverCaseId`) is the registration opened when the citizen comes.
 */
export class IncomingEmploymentReferral extends ReceivedReferral {
  needs!: NeedsQuestionnaire;
  proposedDirection?: string | null;

  static receiveFromSocialProtection(a: {
    id: string;
    citizenId: string;
    territory: string;
    senderCaseId: string;
    needs: NeedsQuestionnaire;
    proposedDirection?: string | null;
    receivedAt: Date;
    appearanceDueOn: IsoDate;
    /** The citizen's active registration, when they are a job seeker already. */
    registrationId?: string | null;
  }): IncomingEmploymentReferral {
    const { needs, proposedDirection, registrationId, ...common } = a;
    const r = new IncomingEmploymentReferral().receive({
      ...common,
      type: 'FOR_EMPLOYMENT_SERVICES',
      fromAgency: 'SOCIAL_PROTECTION',
      receiverCaseId: registrationId ?? null,
    });
    return Object.assign(r, { needs, proposedDirection: proposedDirection ?? null });
  }
}

/**
 * The result of an M1 referral for ЦСПН: the individual plan agreed with the
 * citizen, or the registration ended first (employed, deregistered).
 */
export function employmentReferralResult(a: {
  planAgreed: boolean;
  registrationStatus: string;
}): { outcome: ReferralOutcome; summary: string } | undefined {
  if (a.registrationStatus === 'EMPLOYED') return { outcome: 'EMPLOYED', summary: 'гражданин трудоустроен' };
  if (a.registrationStatus === 'DEREGISTERED') return { outcome: 'DEREGISTERED', summary: 'гражданин снят с учёта' };
  if (a.planAgreed)
    return { outcome: 'PLAN_AGREED', summary: 'индивидуальный план поиска подходящей работы согласован' };
  return undefined;
}
