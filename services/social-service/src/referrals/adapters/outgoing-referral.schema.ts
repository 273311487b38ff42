import { EntitySchema } from '@mikro-orm/core';
import { OutgoingReferral } from '../domain/outgoing-referral';

export const OutgoingReferralSchema = new EntitySchema<OutgoingReferral>({
  class: OutgoingReferral,
  tableName: 'outgoing_referral',
  properties: {
    id: { type: 'uuid', primary: true },
    citizenId: { type: 'uuid' },
    applicationId: { type: 'uuid' },
    type: { type: 'string', columnType: 'text' },
    toAgency: { type: 'string', columnType: 'text' },
    basis: { type: 'string', columnType: 'text' },
    comment: { type: 'string', columnType: 'text', nullable: true },
    status: { type: 'string', columnType: 'text' },
    sentAt: { type: 'Date', columnType: 'timestamptz' },
    respondedAt: { type: 'Date', columnType: 'timestamptz', nullable: true },
    receiverCaseId: { type: 'uuid', nullable: true },
    returnReason: { type: 'string', columnType: 'text', nullable: true },
    createdBy: { type: 'string', columnType: 'text' },
  },
});
