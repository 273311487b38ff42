import { EntitySchema } from '@mikro-orm/core';
import { columns, territoryColumn } from '@sc/subgraph-kit';
import { ContractSupport } from '../domain/contract-support';

const { text, date, version, citizen } = columns;

export const ContractSupportSchema = new EntitySchema<ContractSupport>({
  class: ContractSupport,
  tableName: 'contract_support',
  properties: {
    id: { type: 'uuid', primary: true },
    citizenId: citizen(),
    territory: territoryColumn(),
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
