import { EntitySchema } from '@mikro-orm/core';
import { CitizenRecord, refTo } from '@sc/subgraph-kit';
import { SocialContract } from '../../contracts/domain/social-contract';
import { PartnerEvent } from '../domain/partner-event';

export const PartnerEventSchema = new EntitySchema<PartnerEvent>({
  class: PartnerEvent,
  tableName: 'partner_event',
  properties: {
    id: { type: 'string', primary: true, columnType: 'text' },
    citizenId: refTo(() => CitizenRecord, { fieldName: 'citizen_id' }),
    contractId: refTo(() => SocialContract, { fieldName: 'contract_id', nullable: true }),
    agency: { type: 'string', columnType: 'text' },
    kind: { type: 'string', columnType: 'text' },
    occurredOn: { type: 'date', columnType: 'date' },
    activityId: { type: 'uuid', nullable: true },
    description: { type: 'string', columnType: 'text' },
    effect: { type: 'string', columnType: 'text', nullable: true },
    payload: { type: 'json' },
    receivedAt: { type: 'Date', columnType: 'timestamptz' },
  },
});
