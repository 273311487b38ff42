import { EntitySchema } from '@mikro-orm/core';
import { columns, outgoingReferralSchema, receivedReferralProperties } from '@sc/subgraph-kit';
import { JobSeekerRegistration } from '../../registrations/domain/job-seeker-registration';
import { IncomingEmploymentReferral } from '../domain/incoming-employment-referral';

const { text, json } = columns;

export const IncomingEmploymentReferralSchema = new EntitySchema<IncomingEmploymentReferral>({
  class: IncomingEmploymentReferral,
  tableName: 'incoming_employment_referral',
  properties: {
    ...receivedReferralProperties('registration_id'),
    needs: json(),
    proposedDirection: text(true),
  },
});

/** ЦЗН's referrals to ЦСПН (M4): the sender case is the registration. */
export const OutgoingReferralSchema = outgoingReferralSchema(() => JobSeekerRegistration, 'registration_id');
