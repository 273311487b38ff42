import { EntitySchema } from '@mikro-orm/core';
import { columns, territoryColumn } from '@sc/subgraph-kit';
import { PreventionCase } from '../domain/prevention-case';

const { text, date, json, version, citizen } = columns;

export const PreventionCaseSchema = new EntitySchema<PreventionCase>({
  class: PreventionCase,
  tableName: 'prevention_case',
  properties: {
    id: { type: 'uuid', primary: true },
    citizenId: citizen(),
    territory: territoryColumn(),
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
    assignedTo: { type: 'string', columnType: 'text', nullable: true },
    version,
  },
});
