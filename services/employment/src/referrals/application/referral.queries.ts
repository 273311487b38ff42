import { listReceivedReferrals } from '@sc/subgraph-kit';
import { IncomingEmploymentReferral } from '../domain/incoming-employment-referral';

/** Направления из ЦСПН (M1) of the caller's territory, newest first. */
export const listEmploymentIncomingReferrals = listReceivedReferrals(
  IncomingEmploymentReferral,
  'employmentIncomingReferrals',
);
