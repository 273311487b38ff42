import { EntitySchema } from '@mikro-orm/core';
import { columns, territoryColumn } from '@sc/subgraph-kit';
import { ServiceApplication } from '../domain/service-application';

const { citizen } = columns;

export const ServiceApplicationSchema = new EntitySchema<ServiceApplication>({
  class: ServiceApplication,
  tableName: 'service_application',
  properties: {
    id: { type: 'uuid', primary: true },
    citizenId: citizen(),
    territory: territoryColumn(),
    status: { type: 'string', columnType: 'text' },
    needs: { type: 'json' },
    circumstances: { type: 'json' },
    submittedAt: { type: 'Date', columnType: 'timestamptz' },
    registeredBy: { type: 'string', columnType: 'text' },
  },
});
