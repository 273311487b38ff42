import { EntitySchema } from '@mikro-orm/core';
import { CitizenRecord, refTo } from '@sc/subgraph-kit';
import { ScApplication } from '../domain/sc-application';

export const ScApplicationSchema = new EntitySchema<ScApplication>({
  class: ScApplication,
  tableName: 'sc_application',
  properties: {
    id: { type: 'uuid', primary: true },
    citizenId: refTo(() => CitizenRecord, { fieldName: 'citizen_id' }),
    status: { type: 'string', columnType: 'text' },
    channel: { type: 'string', columnType: 'text' },
    needs: { type: 'json' },
    submittedAt: { type: 'Date', columnType: 'timestamptz' },
    registeredAt: { type: 'Date', columnType: 'timestamptz', nullable: true },
  },
});
