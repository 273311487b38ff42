import { EntitySchema } from '@mikro-orm/core';
import { CitizenRecord, refTo, territoryColumn } from '@sc/subgraph-kit';
import { ScApplication } from '../domain/sc-application';

export const ScApplicationSchema = new EntitySchema<ScApplication>({
  class: ScApplication,
  tableName: 'sc_application',
  properties: {
    id: { type: 'uuid', primary: true },
    citizenId: refTo(() => CitizenRecord, { fieldName: 'citizen_id' }),
    territory: territoryColumn(),
    status: { type: 'string', columnType: 'text' },
    channel: { type: 'string', columnType: 'text' },
    needs: { type: 'json' },
    submittedAt: { type: 'Date', columnType: 'timestamptz' },
    registeredAt: { type: 'Date', columnType: 'timestamptz', nullable: true },
    region: { type: 'string', columnType: 'text' },
    zone: { type: 'string', columnType: 'text' },
    registeredBy: { type: 'string', columnType: 'text', nullable: true },
    assignedTo: { type: 'string', columnType: 'text', nullable: true },
    proposedDirection: { type: 'string', columnType: 'text', nullable: true },
    household: { type: 'json' },
    documents: { type: 'json' },
    meansTest: { type: 'json', nullable: true },
    homeSurvey: { type: 'json', nullable: true },
    decisionDueDate: { type: 'date', columnType: 'date', nullable: true },
    extraCheckDueDate: { type: 'date', columnType: 'date', nullable: true },
    decidedAt: { type: 'Date', columnType: 'timestamptz', nullable: true },
    rejectionReason: { type: 'string', columnType: 'text', nullable: true },
    employmentReferralId: { type: 'uuid', nullable: true },
    identificationSource: { type: 'string', columnType: 'text' },
    identificationOrganisation: { type: 'string', columnType: 'text', nullable: true },
    version: { type: 'integer', version: true },
  },
});
