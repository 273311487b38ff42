import { OutgoingReferral } from '@sc/kernel';
import { listReceivedReferrals, type Read } from '@sc/subgraph-kit';
import { IncomingSocialServiceReferral } from '../domain/incoming-social-service-referral';

export const findOutgoingReferral =
  (id: string): Read<OutgoingReferral | null> =>
  ({ em }) =>
    em.findOne(OutgoingReferral, { id });

/** Направления из ЦСПН (urgent services and accompaniment) of the caller's territory, newest first. */
export const listSocialServiceIncomingReferrals = listReceivedReferrals(
  IncomingSocialServiceReferral,
  'socialServiceIncomingReferrals',
);
