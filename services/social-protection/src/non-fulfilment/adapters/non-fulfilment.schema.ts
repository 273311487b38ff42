import { EntitySchema } from '@mikro-orm/core';
import { territoryColumn } from '@sc/subgraph-kit';
import { NonFulfilment } from '../domain/non-fulfilment';

export const NonFulfilmentSchema = new EntitySchema<NonFulfilment>({
  class: NonFulfilment,
  tableName: 'non_fulfilment',
  properties: {
    id: { type: 'uuid', primary: true },
    contractId: { type: 'uuid' },
    citizenId: { type: 'uuid' },
    territory: territoryColumn(),
    breach: { type: 'string', columnType: 'text' },
    activityId: { type: 'uuid', nullable: true },
    reportPeriod: { type: 'string', columnType: 'text', nullable: true },
    missedDueDate: { type: 'date', columnType: 'date' },
    links: { type: 'json' },
    openedAt: { type: 'Date', columnType: 'timestamptz' },
    version: { type: 'integer', version: true },
  },
});
