import { EntitySchema } from '@mikro-orm/core';
import { CitizenRecord, refTo, territoryColumn } from '@sc/subgraph-kit';
import { ScApplication } from '../../applications/domain/sc-application';
import { IncomingReferral } from '../domain/incoming-referral';

export const IncomingReferralSchema = new EntitySchema<IncomingReferral>({
  class: IncomingReferral,
  tableName: 'incoming_referral',
  properties: {
    id: { type: 'uuid', primary: true },
    citizenId: refTo(() => CitizenRecord, { fieldName: 'citizen_id' }),
    territory: territoryColumn(),
    type: { type: 'string', columnType: 'text' },
    fromAgency: { type: 'string', columnType: 'text' },
    senderCaseId: { type: 'uuid' },
    basis: { type: 'string', columnType: 'text' },
    comment: { type: 'string', columnType: 'text', nullable: true },
    needs: { type: 'json' },
    status: { type: 'string', columnType: 'text' },
    receivedAt: { type: 'Date', columnType: 'timestamptz' },
    applicationId: refTo(() => ScApplication, { fieldName: 'application_id', nullable: true }),
  },
});
