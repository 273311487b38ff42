import { EntitySchema } from '@mikro-orm/core';
import { OutgoingReferral } from '@sc/kernel';
import { CitizenRecord, refTo } from '@sc/subgraph-kit';
import { ContractSupport } from '../../contract-support/domain/contract-support';
import { EmploymentPlan } from '../../plans/domain/employment-plan';
import { IncomingEmploymentReferral } from '../../referrals/domain/incoming-employment-referral';
import { TrainingReferral } from '../../training/domain/training-referral';
import { JobSeekerRegistration } from '../domain/job-seeker-registration';

const citizen = refTo(() => CitizenRecord, { fieldName: 'citizen_id' });
const text = (nullable = false) => ({ type: 'string', columnType: 'text', nullable }) as const;
const date = (nullable = false) => ({ type: 'date', columnType: 'date', nullable }) as const;
const version = { type: 'integer', version: true } as const;

export const JobSeekerRegistrationSchema = new EntitySchema<JobSeekerRegistration>({
  class: JobSeekerRegistration,
  tableName: 'job_seeker_registration',
  properties: {
    id: { type: 'uuid', primary: true },
    citizenId: citizen,
    status: text(),
    channel: text(),
    referralId: { type: 'uuid', nullable: true },
    needs: { type: 'json' },
    education: text(),
    profession: text(true),
    experienceYears: { type: 'integer' },
    registeredOn: date(),
    registeredBy: text(),
    profiling: { type: 'json', nullable: true },
    nextProfilingDue: date(true),
    category: text(true),
    offers: { type: 'json' },
    employment: { type: 'json', nullable: true },
    deregistrationReason: text(true),
    closedOn: date(true),
    version,
  },
});

export const EmploymentPlanSchema = new EntitySchema<EmploymentPlan>({
  class: EmploymentPlan,
  tableName: 'employment_plan',
  properties: {
    id: { type: 'uuid', primary: true },
    registrationId: refTo(() => JobSeekerRegistration, { fieldName: 'registration_id' }),
    citizenId: citizen,
    status: text(),
    steps: { type: 'json' },
    agreedOn: date(true),
    draftedBy: text(),
    version,
  },
});

export const TrainingReferralSchema = new EntitySchema<TrainingReferral>({
  class: TrainingReferral,
  tableName: 'training_referral',
  properties: {
    id: { type: 'uuid', primary: true },
    citizenId: citizen,
    registrationId: refTo(() => JobSeekerRegistration, { fieldName: 'registration_id' }),
    contractId: { type: 'uuid', nullable: true },
    psaActivityId: { type: 'uuid', nullable: true },
    programme: text(),
    provider: text(),
    startDate: date(),
    endDate: date(),
    costKopecks: { type: 'integer' },
    capKopecks: { type: 'integer', nullable: true },
    status: text(),
    startedOn: date(true),
    finishedOn: date(true),
    certificate: text(true),
    dropReason: text(true),
    referredBy: text(),
    referredOn: date(),
    version,
  },
});

export const ContractSupportSchema = new EntitySchema<ContractSupport>({
  class: ContractSupport,
  tableName: 'contract_support',
  properties: {
    id: { type: 'uuid', primary: true },
    citizenId: citizen,
    contractNumber: text(),
    direction: text(),
    startDate: date(),
    endDate: date(),
    contractStatus: text(),
    category: text(),
    fullPackageRequested: { type: 'boolean' },
    petitionAcceptedOn: date(true),
    trainingNeeded: { type: 'boolean' },
    trainingCapKopecks: { type: 'integer' },
    activities: { type: 'json' },
    services: { type: 'json' },
    receivedAt: { type: 'Date', columnType: 'timestamptz' },
    version,
  },
});

export const IncomingEmploymentReferralSchema = new EntitySchema<IncomingEmploymentReferral>({
  class: IncomingEmploymentReferral,
  tableName: 'incoming_employment_referral',
  properties: {
    id: { type: 'uuid', primary: true },
    citizenId: citizen,
    senderCaseId: { type: 'uuid' },
    needs: { type: 'json' },
    proposedDirection: text(true),
    receivedAt: { type: 'Date', columnType: 'timestamptz' },
    registrationId: { type: 'uuid', nullable: true },
  },
});

/** ЦЗН's referrals to ЦСПН (M4): the sender case is the registration. */
export const OutgoingReferralSchema = new EntitySchema<OutgoingReferral>({
  class: OutgoingReferral,
  tableName: 'outgoing_referral',
  properties: {
    id: { type: 'uuid', primary: true },
    citizenId: citizen,
    senderCaseId: refTo(() => JobSeekerRegistration, { fieldName: 'registration_id' }),
    type: text(),
    toAgency: text(),
    basis: text(),
    comment: text(true),
    status: text(),
    sentAt: { type: 'Date', columnType: 'timestamptz' },
    respondedAt: { type: 'Date', columnType: 'timestamptz', nullable: true },
    receiverCaseId: { type: 'uuid', nullable: true },
    returnReason: text(true),
    createdBy: text(),
  },
});
