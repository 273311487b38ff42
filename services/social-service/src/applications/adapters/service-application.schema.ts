import { EntitySchema } from '@mikro-orm/core';
import { CitizenRecord, refTo } from '@sc/subgraph-kit';
import { ServiceApplication } from '../domain/service-application';

export const ServiceApplicationSchema = new EntitySchema<ServiceApplication>({
  class: ServiceApplication,
  tableName: 'service_application',
  properties: {
    id: { type: 'uuid', primary: true },
    citizenId: refTo(() => CitizenRecord, { fieldName: 'citizen_id' }),
    status: { type: 'string', columnType: 'text' },
    needs: { type: 'json' },
    circumstances: { type: 'json' },
    submittedAt: { type: 'Date', columnType: 'timestamptz' },
    registeredBy: { type: 'string', columnType: 'text' },
  },
});
