import { EntitySchema } from '@mikro-orm/core';
import { columns, territoryColumn } from '@sc/subgraph-kit';
import { AccompanimentCase } from '../domain/accompaniment-case';

const { text, date, json, version, citizen } = columns;

export const AccompanimentCaseSchema = new EntitySchema<AccompanimentCase>({
  class: AccompanimentCase,
  tableName: 'accompaniment_case',
  properties: {
    id: { type: 'uuid', primary: true },
    citizenId: citizen(),
    territory: territoryColumn(),
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
    family: json(true),
    goals: json(),
    socialLiftStage: text(true),
    socialLift: json(true),
    closedOn: date(true),
    closureReason: text(true),
    openedBy: text(),
    assignedTo: { type: 'string', columnType: 'text', nullable: true },
    version,
  },
});
