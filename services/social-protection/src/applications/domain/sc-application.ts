import type { NeedsQuestionnaire } from '@sc/contracts';
import { transition, uuidv7, type TransitionTable } from '@sc/kernel';

/** Заявление на социальный контракт (DOMAIN.md §4.1). */
export const SC_APPLICATION_STATUSES = [
  'SUBMITTED',
  'REGISTERED',
  'AWAITING_DATA',
  'ELIGIBILITY_CHECK',
  'EXTRA_CHECK',
  'SURVEY_AND_INTERVIEW',
  'PSA_DRAFTING',
  'COMMISSION_REVIEW',
  'APPROVED',
  'CONTRACTED',
  'REJECTED',
  'WITHDRAWN',
] as const;
export type ScApplicationStatus = (typeof SC_APPLICATION_STATUSES)[number];

export type ScApplicationEvent =
  | 'register'
  | 'requestData'
  | 'dataComplete'
  | 'reject'
  | 'requireExtraCheck'
  | 'findEligible'
  | 'completeSurvey'
  | 'submitToCommission'
  | 'approve'
  | 'returnForRework'
  | 'refuse'
  | 'sign'
  | 'withdraw';

const FINAL: readonly ScApplicationStatus[] = ['CONTRACTED', 'REJECTED', 'WITHDRAWN'];

const withdrawable = Object.fromEntries(
  SC_APPLICATION_STATUSES.filter((s) => !FINAL.includes(s)).map((s) => [s, { withdraw: 'WITHDRAWN' }]),
) as TransitionTable<ScApplicationStatus, ScApplicationEvent>;

const merge = (a: TransitionTable<ScApplicationStatus, ScApplicationEvent>, b: TransitionTable<ScApplicationStatus, ScApplicationEvent>) => {
  const out: TransitionTable<ScApplicationStatus, ScApplicationEvent> = { ...a };
  for (const [k, v] of Object.entries(b)) out[k as ScApplicationStatus] = { ...out[k as ScApplicationStatus], ...v };
  return out;
};

export const SC_APPLICATION_TRANSITIONS = merge(withdrawable, {
  SUBMITTED: { register: 'REGISTERED' },
  REGISTERED: { requestData: 'AWAITING_DATA', dataComplete: 'ELIGIBILITY_CHECK' },
  AWAITING_DATA: { dataComplete: 'ELIGIBILITY_CHECK' },
  ELIGIBILITY_CHECK: { reject: 'REJECTED', requireExtraCheck: 'EXTRA_CHECK', findEligible: 'SURVEY_AND_INTERVIEW' },
  EXTRA_CHECK: { reject: 'REJECTED', findEligible: 'SURVEY_AND_INTERVIEW' },
  SURVEY_AND_INTERVIEW: { completeSurvey: 'PSA_DRAFTING' },
  PSA_DRAFTING: { submitToCommission: 'COMMISSION_REVIEW' },
  COMMISSION_REVIEW: { approve: 'APPROVED', returnForRework: 'PSA_DRAFTING', refuse: 'REJECTED' },
  APPROVED: { sign: 'CONTRACTED' },
});

export type ApplicationChannel = 'IN_PERSON' | 'EPGU' | 'MFC' | 'REFERRAL_FROM_EMPLOYMENT' | 'REFERRAL_FROM_SOCIAL_SERVICE';

export class ScApplication {
  id!: string;
  citizenId!: string;
  status!: ScApplicationStatus;
  channel!: ApplicationChannel;
  needs!: NeedsQuestionnaire;
  submittedAt!: Date;
  registeredAt?: Date | null;

  isOpen(): boolean {
    return !FINAL.includes(this.status);
  }

  apply(event: ScApplicationEvent): void {
    this.status = transition('ScApplication', SC_APPLICATION_TRANSITIONS, this.status, event);
  }

  /** An application opened from another agency's referral is registered on receipt. */
  static openFromReferral(a: { citizenId: string; fromAgency: 'EMPLOYMENT' | 'SOCIAL_SERVICE'; needs: NeedsQuestionnaire; now: Date }): ScApplication {
    const app = new ScApplication();
    Object.assign(app, {
      id: uuidv7(a.now.getTime()),
      citizenId: a.citizenId,
      status: 'SUBMITTED',
      channel: a.fromAgency === 'EMPLOYMENT' ? 'REFERRAL_FROM_EMPLOYMENT' : 'REFERRAL_FROM_SOCIAL_SERVICE',
      needs: a.needs,
      submittedAt: a.now,
    });
    app.apply('register');
    app.registeredAt = a.now;
    return app;
  }
}
