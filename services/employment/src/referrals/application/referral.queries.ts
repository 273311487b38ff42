import type { ReferralStatus } from '@sc/kernel';
import { listPage, whereOf, type Connection, type PageArgs, type Read } from '@sc/subgraph-kit';
import { IncomingEmploymentReferral } from '../domain/incoming-employment-referral';

/** Направления из ЦСПН (M1) of the caller's territory, newest first: whom to expect, who came, what is breached. */
export const listEmploymentIncomingReferrals =
  (
    f: { status?: ReferralStatus[] | null; territory?: string | null } | null | undefined,
    page: PageArgs,
  ): Read<Connection<IncomingEmploymentReferral>> =>
  ({ em, within }) =>
    listPage(
      em,
      IncomingEmploymentReferral,
      { ...within(f?.territory, 'filter.territory'), ...whereOf({ status: f?.status }) },
      { list: 'employmentIncomingReferrals', sortBy: 'receivedAt', direction: 'desc' },
      page,
    );
