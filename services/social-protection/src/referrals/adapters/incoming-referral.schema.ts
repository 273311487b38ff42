import { EntitySchema } from '@mikro-orm/core';
import { columns, receivedReferralProperties } from '@sc/subgraph-kit';
import { IncomingReferral } from '../domain/incoming-referral';

export const IncomingReferralSchema = new EntitySchema<IncomingReferral>({
  class: IncomingReferral,
  tableName: 'incoming_referral',
  properties: {
    ...receivedReferralProperties('application_id'),
    basis: columns.text(),
    comment: columns.text(true),
    needs: columns.json(),
  },
});
