import { listPage, whereOf, type Connection, type PageArgs, type Read } from '@sc/subgraph-kit';
import { CommissionMeeting } from '../domain/commission-meeting';

export const findCommissionMeeting =
  (id: string): Read<CommissionMeeting | null> =>
  ({ em }) =>
    em.findOne(CommissionMeeting, { id });

/** Заседания МВК in the caller's territory, latest first (a worklist page). */
export const listCommissionMeetings =
  (
    f: { status?: string[] | null; territory?: string | null } | null | undefined,
    page: PageArgs,
  ): Read<Connection<CommissionMeeting>> =>
  ({ em, within }) =>
    listPage(
      em,
      CommissionMeeting,
      { ...within(f?.territory, 'filter.territory'), ...whereOf({ status: f?.status }) },
      { list: 'commissionMeetings', sortBy: 'meetingDate', direction: 'desc' },
      { first: page.first ?? 20, after: page.after },
    );
