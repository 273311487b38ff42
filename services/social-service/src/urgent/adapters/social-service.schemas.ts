import { EntitySchema } from '@mikro-orm/core';
import { CitizenRecord, refTo } from '@sc/subgraph-kit';
import { AccompanimentCase } from '../../accompaniment/domain/accompaniment-case';
import { PreventionCase } from '../../prevention/domain/prevention-case';
import { UrgentServiceAct } from '../domain/urgent-service-act';
import { UrgentServiceCase } from '../domain/urgent-service-case';

const text = (nullable = false) => ({ type: 'string', columnType: 'text', nullable }) as const;
const date = (nullable = false) => ({ type: 'date', columnType: 'date', nullable }) as const;
const json = (nullable = false) => ({ type: 'json', nullable }) as const;
const version = { type: 'integer', version: true } as const;

export class UrgentServiceTypeRow {
  code!: string;
  name!: string;
  source!: string;
  unit!: string;
  anonymousAllowed!: boolean;
  active!: boolean;
}

export const UrgentServiceTypeSchema = new EntitySchema<UrgentServiceTypeRow>({
  class: UrgentServiceTypeRow,
  tableName: 'urgent_service_type',
  properties: {
    code: { type: 'string', primary: true, columnType: 'text' },
    name: text(),
    source: text(),
    unit: text(),
    anonymousAllowed: { type: 'boolean' },
    active: { type: 'boolean' },
  },
});

export const UrgentServiceCaseSchema = new EntitySchema<UrgentServiceCase>({
  class: UrgentServiceCase,
  tableName: 'urgent_service_case',
  properties: {
    id: { type: 'uuid', primary: true },
    citizenId: refTo(() => CitizenRecord, { fieldName: 'citizen_id', nullable: true }),
    anonymous: { type: 'boolean' },
    channel: text(),
    notifiedBy: text(true),
    contractId: { type: 'uuid', nullable: true },
    identityDocument: text(true),
    circumstances: text(),
    status: text(),
    requestedAt: { type: 'Date', columnType: 'timestamptz' },
    decidedAt: { type: 'Date', columnType: 'timestamptz', nullable: true },
    refusalReason: text(true),
    deliveries: json(),
    actId: { type: 'uuid', nullable: true },
    unsignedReason: text(true),
    followUp: json(true),
    createdBy: text(),
    version,
  },
});

export const UrgentServiceActSchema = new EntitySchema<UrgentServiceAct>({
  class: UrgentServiceAct,
  tableName: 'urgent_service_act',
  properties: {
    id: { type: 'uuid', primary: true },
    caseId: refTo(() => UrgentServiceCase, { fieldName: 'case_id' }),
    citizenId: refTo(() => CitizenRecord, { fieldName: 'citizen_id', nullable: true }),
    number: text(),
    content: json(),
    contentHash: text(),
    signedAt: { type: 'Date', columnType: 'timestamptz', nullable: true },
    signerName: text(true),
    signatureSha256: text(true),
    signatureImage: { type: 'blob', nullable: true, lazy: true },
    unsigned: { type: 'boolean' },
  },
});

export const AccompanimentCaseSchema = new EntitySchema<AccompanimentCase>({
  class: AccompanimentCase,
  tableName: 'accompaniment_case',
  properties: {
    id: { type: 'uuid', primary: true },
    citizenId: refTo(() => CitizenRecord, { fieldName: 'citizen_id' }),
    contractId: { type: 'uuid', nullable: true },
    contractEndDate: date(true),
    serviceUntil: date(true),
    programme: text(),
    grounds: json(),
    evidence: json(),
    status: text(),
    appliedOn: date(),
    needDecisionDue: date(),
    programmeDue: date(),
    needDecidedOn: date(true),
    notRecognisedReason: text(true),
    individualProgramme: json(true),
    serviceContractSignedOn: date(true),
    measures: json(),
    activities: json(),
    socialLiftStage: text(true),
    closedOn: date(true),
    closureReason: text(true),
    openedBy: text(),
    version,
  },
});

export const PreventionCaseSchema = new EntitySchema<PreventionCase>({
  class: PreventionCase,
  tableName: 'prevention_case',
  properties: {
    id: { type: 'uuid', primary: true },
    citizenId: refTo(() => CitizenRecord, { fieldName: 'citizen_id' }),
    subject: text(),
    source: text(),
    sourceDetails: text(),
    facts: text(),
    address: text(true),
    status: text(),
    signalOn: date(),
    checkDue: date(),
    checkFindings: text(true),
    registration: json(true),
    curator: text(true),
    measures: json(),
    nextReviewDue: date(true),
    administrativeMeasures: { type: 'boolean' },
    deregistration: json(true),
    history: json(),
    openedBy: text(),
    version,
  },
});
