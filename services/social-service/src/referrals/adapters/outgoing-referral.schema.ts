import { EntitySchema } from '@mikro-orm/core';
import { CitizenRecord, refTo } from '@sc/subgraph-kit';
import { ServiceApplication } from '../../applications/domain/service-application';
import { OutgoingReferral } from '@sc/kernel';

/** КЦСОН's referrals: the sender case is the КЦСОН application. */
export const OutgoingReferralSchema = new EntitySchema<OutgoingReferral>({
  class: OutgoingReferral,
  tableName: 'outgoing_referral',
  properties: {
    id: { type: 'uuid', primary: true },
    citizenId: refTo(() => CitizenRecord, { fieldName: 'citizen_id' }),
    senderCaseId: refTo(() => ServiceApplication, { fieldName: 'application_id' }),
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
