import { EntitySchema } from '@mikro-orm/core';
import { columns, outgoingReferralSchema, territoryColumn } from '@sc/subgraph-kit';
import { JobSeekerRegistration } from '../../registrations/domain/job-seeker-registration';
import { IncomingEmploymentReferral } from '../domain/incoming-employment-referral';

const { text, citizen } = columns;

export const IncomingEmploymentReferralSchema = new EntitySchema<IncomingEmploymentReferral>({
  class: IncomingEmploymentReferral,
  tableName: 'incoming_employment_referral',
  properties: {
    id: { type: 'uuid', primary: true },
    citizenId: citizen(),
    territory: territoryColumn(),
    senderCaseId: { type: 'uuid' },
    needs: { type: 'json' },
    proposedDirection: text(true),
    receivedAt: { type: 'Date', columnType: 'timestamptz' },
    registrationId: { type: 'uuid', nullable: true },
  },
});

/** ЦЗН's referrals to ЦСПН (M4): the sender case is the registration. */
export const OutgoingReferralSchema = outgoingReferralSchema(() => JobSeekerRegistration, 'registration_id');
