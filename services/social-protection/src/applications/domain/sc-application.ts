import { identificationOfChannel, type Identification, type IdentificationSource } from './identification';
import type { NeedsQuestionnaire } from '@sc/contracts';
import { addDays, ConflictError, dateOf, transition, uuidv7, type IsoDate, type TransitionTable } from '@sc/kernel';
import type { RegionalParameters } from '../../parameters/domain/regional-parameters';
import type { TerritorialZone } from '../../parameters/domain/subsistence-minimum';
import type { ScDirection } from '../../programmes/domain/sc-direction';
import type { HomeSurveyAct } from './home-survey-act';
import type { DocumentCheck, HouseholdMember } from './household';
import type { MeansTestResult } from './means-test';

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

const merge = (
  a: TransitionTable<ScApplicationStatus, ScApplicationEvent>,
  b: TransitionTable<ScApplicationStatus, ScApplicationEvent>,
) => {
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

export type ApplicationChannel =
  'IN_PERSON' | 'EPGU' | 'MFC' | 'REFERRAL_FROM_EMPLOYMENT' | 'REFERRAL_FROM_SOCIAL_SERVICE';

/** States in which the household, incomes and documents may still be edited. */
const DATA_EDITABLE: readonly ScApplicationStatus[] = ['SUBMITTED', 'REGISTERED', 'AWAITING_DATA'];

export class ScApplication {
  id!: string;
  citizenId!: string;
  /** ОКТМО района (городского округа), чей ЦСПН ведёт заявление. */
  territory!: string;
  status!: ScApplicationStatus;
  channel!: ApplicationChannel;
  needs!: NeedsQuestionnaire;
  submittedAt!: Date;
  registeredAt?: Date | null;
  /** Region (ОКТМО prefix) of the office, and the ПМ zone of the applicant's residence (which zone applies is [U]: configurable per application). */
  region: string = '25';
  zone: TerritorialZone = 'WHOLE_REGION';
  registeredBy?: string | null;
  /** The specialist who works the case (token subject); deadlines are listed per specialist. */
  assignedTo?: string | null;
  proposedDirection?: ScDirection | null;
  household: HouseholdMember[] = [];
  documents: DocumentCheck[] = [];
  meansTest?: MeansTestResult | null;
  homeSurvey?: HomeSurveyAct | null;
  /** 178-ФЗ ст. 8: decision in 10 days; with an extra check a preliminary answer by day 10 and the final one by day 30. */
  decisionDueDate?: IsoDate | null;
  extraCheckDueDate?: IsoDate | null;
  decidedAt?: Date | null;
  rejectionReason?: string | null;
  employmentReferralId?: string | null;
  /** Межведомственное выявление (seed 003): who identified the citizen. */
  identificationSource: IdentificationSource = 'SELF_REFERRAL';
  identificationOrganisation?: string | null;
  version: number = 1;

  isOpen(): boolean {
    return !FINAL.includes(this.status);
  }

  apply(event: ScApplicationEvent): void {
    this.status = transition('ScApplication', SC_APPLICATION_TRANSITIONS, this.status, event);
  }

  registeredOn(): IsoDate {
    return dateOf(this.registeredAt ?? this.submittedAt);
  }

  assertDataEditable(): void {
    if (!DATA_EDITABLE.includes(this.status)) {
      throw new ConflictError(
        'APPLICATION_DATA_LOCKED',
        `ScApplication in state ${this.status} cannot change its household or documents: the means test has been run`,
        {
          entity: 'ScApplication',
          currentState: this.status,
          attemptedAction: 'updateData',
          rule: 'STATE_MACHINE',
        },
      );
    }
  }

  /** Registration starts the 178-ФЗ clock. */
  private register(now: Date, params: RegionalParameters): void {
    this.apply('register');
    this.registeredAt = now;
    this.decisionDueDate = addDays(dateOf(now), params.get('DECISION_DAYS'));
  }

  requireExtraCheck(params: RegionalParameters): void {
    this.apply('requireExtraCheck');
    this.extraCheckDueDate = addDays(this.registeredOn(), params.get('DECISION_DAYS_EXTRA_CHECK'));
  }

  reject(reason: string, now: Date): void {
    this.apply('reject');
    this.rejectionReason = reason;
    this.decidedAt = now;
  }

  /** An application opened from another agency's referral is registered on receipt. */
  static openFromReferral(a: {
    citizenId: string;
    territory: string;
    fromAgency: 'EMPLOYMENT' | 'SOCIAL_SERVICE';
    needs: NeedsQuestionnaire;
    now: Date;
    params: RegionalParameters;
  }): ScApplication {
    return ScApplication.open({
      citizenId: a.citizenId,
      territory: a.territory,
      channel: a.fromAgency === 'EMPLOYMENT' ? 'REFERRAL_FROM_EMPLOYMENT' : 'REFERRAL_FROM_SOCIAL_SERVICE',
      needs: a.needs,
      now: a.now,
      params: a.params,
      region: a.params.region,
    });
  }

  static open(a: {
    citizenId: string;
    territory: string;
    channel: ApplicationChannel;
    needs: NeedsQuestionnaire;
    now: Date;
    params: RegionalParameters;
    region: string;
    zone?: TerritorialZone;
    registeredBy?: string;
    assignedTo?: string;
    proposedDirection?: ScDirection | null;
    household?: HouseholdMember[];
    documents?: DocumentCheck[];
    identification?: Identification;
  }): ScApplication {
    const app = new ScApplication();
    const identification = a.identification ?? identificationOfChannel(a.channel);
    Object.assign(app, {
      id: uuidv7(a.now.getTime()),
      citizenId: a.citizenId,
      territory: a.territory,
      status: 'SUBMITTED',
      channel: a.channel,
      needs: a.needs,
      submittedAt: a.now,
      region: a.region,
      zone: a.zone ?? 'WHOLE_REGION',
      registeredBy: a.registeredBy ?? null,
      assignedTo: a.assignedTo ?? null,
      proposedDirection: a.proposedDirection ?? null,
      household: a.household ?? [],
      documents: a.documents ?? [],
      identificationSource: identification.source,
      identificationOrganisation: identification.organisation,
    });
    app.register(a.now, a.params);
    return app;
  }
}
