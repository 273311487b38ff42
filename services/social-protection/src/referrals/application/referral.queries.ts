import { boundedArg, type Read } from '@sc/subgraph-kit';
import type { ReferralStatus } from '@sc/kernel';
import { IncomingReferral } from '../domain/incoming-referral';

/** Входящие направления, newest first. */
export const listIncomingReferrals =
  (a: { status?: ReferralStatus | null; first?: number | null }): Read<IncomingReferral[]> =>
  ({ em, inTerritory }) =>
    em.find(IncomingReferral, a.status ? { ...inTerritory, status: a.status } : inTerritory, {
      orderBy: { receivedAt: 'desc' },
      limit: boundedArg(a.first, 'first', 50, 500),
    });
