import { listPage, whereOf, type Connection, type PageArgs, type Read } from '@sc/subgraph-kit';
import type { ReferralStatus } from '@sc/kernel';
import { IncomingReferral } from '../domain/incoming-referral';

/** Входящие направления of the caller's territory, newest first (a worklist page). */
export const listIncomingReferrals =
  (
    f: { status?: ReferralStatus[] | null; territory?: string | null } | null | undefined,
    page: PageArgs,
  ): Read<Connection<IncomingReferral>> =>
  ({ em, within }) =>
    listPage(
      em,
      IncomingReferral,
      { ...within(f?.territory, 'filter.territory'), ...whereOf({ status: f?.status }) },
      { list: 'incomingReferrals', sortBy: 'receivedAt', direction: 'desc' },
      page,
    );
