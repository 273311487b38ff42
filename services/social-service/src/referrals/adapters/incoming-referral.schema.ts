import { EntitySchema } from '@mikro-orm/core';
import { columns, receivedReferralProperties } from '@sc/subgraph-kit';
import { IncomingSocialServiceReferral } from '../domain/incoming-social-service-referral';

export const IncomingSocialServiceReferralSchema = new EntitySchema<IncomingSocialServiceReferral>({
  class: IncomingSocialServiceReferral,
  tableName: 'incoming_referral',
  properties: {
    ...receivedReferralProperties('urgent_case_id'),
    basis: columns.text(),
    comment: columns.text(true),
    needs: columns.json(),
  },
});
