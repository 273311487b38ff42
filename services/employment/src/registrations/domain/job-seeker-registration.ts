import type { NeedsQuestionnaire } from '@sc/contracts';
import { addDays, ConflictError, parseInn, parseIsoDate, uuidv7, ValidationError, type IsoDate } from '@sc/kernel';
import type { EmploymentParameters } from '../../parameters/domain/employment-parameters';

/** Статус гражданина в ЦЗН. */
export type JobSeekerStatus = 'JOB_SEEKER' | 'UNEMPLOYED' | 'EMPLOYED' | 'DEREGISTERED';
export const ACTIVE_STATUSES: readonly JobSeekerStatus[] = ['JOB_SEEKER', 'UNEMPLOYED'];

export type RegistrationChannel = 'WALK_IN' | 'WORK_IN_RUSSIA' | 'EPGU' | 'REFERRAL_FROM_SOCIAL_PROTECTION';
export type Education = 'NONE' | 'BASIC_GENERAL' | 'SECONDARY_GENERAL' | 'SECONDARY_VOCATIONAL' | 'HIGHER';
/** Результат профилирования. */
export type ProfilingResult = 'READY_FOR_WORK' | 'NEEDS_TRAINING' | 'NEEDS_SUPPORT' | 'DIFFICULT_TO_EMPLOY';

/** Категория «малоимущие граждане, заключившие социальный контракт» (seed 000; not confirmed in 565-ФЗ). */
export const CONTRACT_HOLDER_CATEGORY = 'LOW_INCOME_WITH_SOCIAL_CONTRACT';

export interface Profiling {
  profiledOn: IsoDate;
  result: ProfilingResult;
  notes?: string | null;
  by: string;
}

export type VacancyResponse = 'PENDING' | 'ACCEPTED' | 'DECLINED';
export type VacancyOutcome = 'HIRED' | 'NOT_HIRED';

/** Предложение подходящей работы. */
export interface VacancyOffer {
  id: string;
  employerName: string;
  employerInn: string;
  position: string;
  wageKopecks: number;
  offeredOn: IsoDate;
  response: VacancyResponse;
  outcome?: VacancyOutcome | null;
  respondedOn?: IsoDate | null;
  note?: string | null;
}

export interface EmploymentOutcome {
  employerInn: string;
  employerName?: string | null;
  contractDate: IsoDate;
  position: string;
  wageKopecks: number;
  confirmedBy: string;
}

const wage = (v: number, field: string) => {
  if (!Number.isInteger(v) || v < 0 || v > 100_000_000)
    throw new ValidationError(field, 'AMOUNT_RANGE', 'must be a whole number of kopecks from 0 to 100 000 000');
  return v;
};

/** Регистрация гражданина в качестве ищущего работу или безработного. */
export class JobSeekerRegistration {
  id!: string;
  citizenId!: string;
  /** ОКТМО района (городского округа), чей ЦЗН ведёт дело. */
  territory!: string;
  status!: JobSeekerStatus;
  channel!: RegistrationChannel;
  referralId?: string | null;
  needs!: NeedsQuestionnaire;
  education!: Education;
  profession?: string | null;
  experienceYears!: number;
  registeredOn!: IsoDate;
  registeredBy!: string;
  /** Ответственный специалист (token subject): the one who opened the case until a HEAD reassigns it. */
  assignedTo?: string | null;
  profiling?: Profiling | null;
  nextProfilingDue?: IsoDate | null;
  category?: string | null;
  offers: VacancyOffer[] = [];
  employment?: EmploymentOutcome | null;
  deregistrationReason?: string | null;
  closedOn?: IsoDate | null;
  version: number = 1;

  /** The summary every agency may see (Citizen.employmentStatus). */
  statusSummary() {
    return {
      registered: this.isActive(),
      status: this.status,
      registeredOn: this.registeredOn,
      employed: this.status === 'EMPLOYED',
      category: this.category ?? null,
    };
  }

  isActive(): boolean {
    return ACTIVE_STATUSES.includes(this.status);
  }

  /** Once per citizen at a time: a second registration while one is active is a CONFLICT. */
  static register(a: {
    citizenId: string;
    territory: string;
    status: 'JOB_SEEKER' | 'UNEMPLOYED';
    channel: RegistrationChannel;
    referralId?: string | null;
    needs: NeedsQuestionnaire;
    education: Education;
    profession?: string | null;
    experienceYears: number;
    today: IsoDate;
    by: string;
    existing: readonly JobSeekerRegistration[];
    contractHolder: boolean;
    now: Date;
  }): JobSeekerRegistration {
    const active = a.existing.find((r) => r.isActive());
    if (active)
      throw new ConflictError(
        'ALREADY_REGISTERED',
        `the citizen is already registered (${active.status} since ${active.registeredOn})`,
        { rule: 'ONE_ACTIVE_REGISTRATION', field: 'input.citizen', registrationId: active.id },
      );
    if (!Number.isInteger(a.experienceYears) || a.experienceYears < 0 || a.experienceYears > 70)
      throw new ValidationError('input.experienceYears', 'RANGE', 'must be a whole number of years from 0 to 70');
    return Object.assign(new JobSeekerRegistration(), {
      id: uuidv7(a.now.getTime()),
      citizenId: a.citizenId,
      territory: a.territory,
      status: a.status,
      channel: a.channel,
      referralId: a.referralId ?? null,
      needs: a.needs,
      education: a.education,
      profession: a.profession?.trim() || null,
      experienceYears: a.experienceYears,
      registeredOn: a.today,
      registeredBy: a.by,
      assignedTo: a.by,
      category: a.contractHolder ? CONTRACT_HOLDER_CATEGORY : null,
      offers: [],
    });
  }

  private assertActive(action: string): void {
    if (!this.isActive())
      throw new ConflictError('REGISTRATION_CLOSED', `JobSeekerRegistration in state ${this.status} cannot ${action}`, {
        rule: 'STATE_MACHINE',
        currentState: this.status,
        attemptedAction: action,
      });
  }

  /** Профилирование; re-profiling falls due every REPROFILING_INTERVAL_DAYS. */
  profile(p: Omit<Profiling, 'by'>, by: string, today: IsoDate, params: EmploymentParameters): void {
    this.assertActive('profile');
    parseIsoDate(p.profiledOn, 'input.profiledOn');
    if (p.profiledOn > today) throw new ValidationError('input.profiledOn', 'NOT_IN_FUTURE', 'cannot be in the future');
    if (p.profiledOn < this.registeredOn)
      throw new ValidationError(
        'input.profiledOn',
        'DATE_ORDER',
        `profiling cannot precede the registration (${this.registeredOn})`,
      );
    this.profiling = { ...p, notes: p.notes?.trim() || null, by };
    this.nextProfilingDue = addDays(p.profiledOn, params.get('REPROFILING_INTERVAL_DAYS'));
  }

  offerVacancy(
    o: { employerName: string; employerInn: string; position: string; wageKopecks: number; offeredOn: IsoDate },
    today: IsoDate,
    now: Date,
  ): VacancyOffer {
    this.assertActive('offerVacancy');
    if (!o.employerName.trim()) throw new ValidationError('input.employerName', 'REQUIRED', 'must not be empty');
    if (!o.position.trim()) throw new ValidationError('input.position', 'REQUIRED', 'must not be empty');
    parseIsoDate(o.offeredOn, 'input.offeredOn');
    if (o.offeredOn > today) throw new ValidationError('input.offeredOn', 'NOT_IN_FUTURE', 'cannot be in the future');
    const offer: VacancyOffer = {
      id: uuidv7(now.getTime()),
      employerName: o.employerName.trim(),
      employerInn: parseInn(o.employerInn, 'input.employerInn'),
      position: o.position.trim(),
      wageKopecks: wage(o.wageKopecks, 'input.wageKopecks'),
      offeredOn: o.offeredOn,
      response: 'PENDING',
      outcome: null,
      respondedOn: null,
    };
    this.offers.push(offer);
    return offer;
  }

  respondToOffer(
    offerId: string,
    response: 'ACCEPTED' | 'DECLINED',
    outcome: VacancyOutcome | null | undefined,
    on: IsoDate,
    note: string | null | undefined,
  ): VacancyOffer {
    const o = this.offers.find((x) => x.id === offerId);
    if (!o) throw new ValidationError('input.offerId', 'MUST_EXIST', 'not an offer of this registration');
    if (o.response !== 'PENDING')
      throw new ConflictError('OFFER_ANSWERED', `the offer was already ${o.response}`, { rule: 'ONE_RESPONSE' });
    if (on < o.offeredOn)
      throw new ValidationError('input.respondedOn', 'DATE_ORDER', 'the response cannot precede the offer');
    if (outcome && response !== 'ACCEPTED')
      throw new ValidationError('input.outcome', 'OUTCOME_AFTER_ACCEPTANCE', 'only an accepted offer has an outcome');
    Object.assign(o, { response, outcome: outcome ?? null, respondedOn: on, note: note?.trim() || null });
    return o;
  }

  /** Трудоустройство: a valid employer ИНН and a contract date not in the future. */
  confirmEmployment(e: Omit<EmploymentOutcome, 'confirmedBy'>, today: IsoDate, by: string): EmploymentOutcome {
    this.assertActive('confirmEmployment');
    const inn = parseInn(e.employerInn, 'input.employerInn');
    parseIsoDate(e.contractDate, 'input.contractDate');
    if (e.contractDate > today)
      throw new ValidationError(
        'input.contractDate',
        'NOT_IN_FUTURE',
        'the employment contract date cannot be in the future',
      );
    if (e.contractDate < this.registeredOn)
      throw new ValidationError(
        'input.contractDate',
        'DATE_ORDER',
        `employment found through ЦЗН cannot precede the registration (${this.registeredOn})`,
      );
    if (!e.position.trim()) throw new ValidationError('input.position', 'REQUIRED', 'must not be empty');
    this.employment = {
      employerInn: inn,
      employerName: e.employerName?.trim() || null,
      contractDate: e.contractDate,
      position: e.position.trim(),
      wageKopecks: wage(e.wageKopecks, 'input.wageKopecks'),
      confirmedBy: by,
    };
    this.status = 'EMPLOYED';
    this.closedOn = today;
    return this.employment;
  }

  deregister(reason: string, today: IsoDate): void {
    this.assertActive('deregister');
    if (!reason.trim()) throw new ValidationError('input.reason', 'REQUIRED', 'state the reason for deregistration');
    this.status = 'DEREGISTERED';
    this.deregistrationReason = reason.trim();
    this.closedOn = today;
  }
}
