import { EntitySchema } from '@mikro-orm/core';
import { columns, refTo, territoryColumn } from '@sc/subgraph-kit';
import { UrgentServiceAct } from '../domain/urgent-service-act';
import { UrgentServiceCase } from '../domain/urgent-service-case';
import { UrgentServiceTypeRecord } from '../domain/urgent-service-type';

const { text, json, version, citizen } = columns;

export const UrgentServiceTypeSchema = new EntitySchema<UrgentServiceTypeRecord>({
  class: UrgentServiceTypeRecord,
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
    citizenId: citizen(true),
    territory: territoryColumn(),
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
    assignedTo: { type: 'string', columnType: 'text', nullable: true },
    version,
  },
});

export const UrgentServiceActSchema = new EntitySchema<UrgentServiceAct>({
  class: UrgentServiceAct,
  tableName: 'urgent_service_act',
  properties: {
    id: { type: 'uuid', primary: true },
    caseId: refTo(() => UrgentServiceCase, { fieldName: 'case_id' }),
    citizenId: citizen(true),
    number: text(),
    content: json(),
    contentHash: text(),
    signedAt: { type: 'Date', columnType: 'timestamptz', nullable: true },
    signerName: text(true),
    signatureSha256: text(true),
    signatureImage: { type: 'blob', nullable: true, lazy: true },
    unsigned: { type: 'boolean' },
    unsignedReason: text(true),
  },
});
