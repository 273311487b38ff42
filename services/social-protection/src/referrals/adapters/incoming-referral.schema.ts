import { EntitySchema } from '@mikro-orm/core';
import { columns, receivedReferralProperties, refTo } from '@sc/subgraph-kit';
import { ScApplication } from '../../applications/domain/sc-application';
import { IncomingReferral } from '../domain/incoming-referral';

export const IncomingReferralSchema = new EntitySchema<IncomingReferral>({
  class: IncomingReferral,
  tableName: 'incoming_referral',
  properties: {
    ...receivedReferralProperties('application_id'),
    // A relation for the unit of work: a new application is inserted before the referral that joins it.
    receiverCaseId: refTo(() => ScApplication, { fieldName: 'application_id', nullable: true }),
    basis: columns.text(),
    comment: columns.text(true),
    needs: columns.json(),
  },
});
