import type { NeedsQuestionnaire } from '@sc/contracts';

/** Направление из ЦСПН для оказания услуг по содействию занятости (M1), as ЦЗН received it. */
export class IncomingEmploymentReferral {
  /** the sender's referral id */
  id!: string;
  citizenId!: string;
  /** ОКТМО района (городского округа), чей ЦЗН ведёт дело. */
  territory!: string;
  senderCaseId!: string;
  needs!: NeedsQuestionnaire;
  proposedDirection?: string | null;
  receivedAt!: Date;
  /** the registration opened when the citizen came */
  registrationId?: string | null;
}
