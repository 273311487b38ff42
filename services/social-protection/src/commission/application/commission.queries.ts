import { boundedArg, type Read } from '@sc/subgraph-kit';
import { CommissionMeeting } from '../domain/commission-meeting';

export const findCommissionMeeting =
  (id: string): Read<CommissionMeeting | null> =>
  ({ em }) =>
    em.findOne(CommissionMeeting, { id });

/** Заседания МВК in the caller's territory, latest first. */
export const listCommissionMeetings =
  (first?: number | null): Read<CommissionMeeting[]> =>
  ({ em, inTerritory }) =>
    em.find(CommissionMeeting, inTerritory, {
      orderBy: { meetingDate: 'desc' },
      limit: boundedArg(first, 'first', 20, 200),
    });
