import { listReceivedReferrals } from '@sc/subgraph-kit';
import { IncomingReferral } from '../domain/incoming-referral';

/** Входящие направления (M4) of the caller's territory, newest first (a worklist page). */
export const listIncomingReferrals = listReceivedReferrals(IncomingReferral, 'incomingReferrals');
