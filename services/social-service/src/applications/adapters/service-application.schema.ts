import { EntitySchema } from '@mikro-orm/core';
import { ServiceApplication } from '../domain/service-application';

export const ServiceApplicationSchema = new EntitySchema<ServiceApplication>({
  class: ServiceApplication,
  tableName: 'service_application',
  properties: {
    id: { type: 'uuid', primary: true },
    citizenId: { type: 'uuid' },
    status: { type: 'string', columnType: 'text' },
    needs: { type: 'json' },
    circumstances: { type: 'json' },
    submittedAt: { type: 'Date', columnType: 'timestamptz' },
    registeredBy: { type: 'string', columnType: 'text' },
  },
});
