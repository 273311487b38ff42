import { boundedArg, type Read } from '@sc/subgraph-kit';
import { regionOfTerritory } from '../../parameters/domain/regional-parameters';
import { CommissionMeeting } from '../domain/commission-meeting';

export const findCommissionMeeting =
  (id: string): Read<CommissionMeeting | null> =>
  ({ em }) =>
    em.findOne(CommissionMeeting, { id });

/** Заседания МВК of the caller's region, latest first. */
export const listCommissionMeetings =
  (first?: number | null): Read<CommissionMeeting[]> =>
  ({ em, principal }) =>
    em.find(
      CommissionMeeting,
      { region: regionOfTerritory(principal.territory) },
      { orderBy: { meetingDate: 'desc' }, limit: boundedArg(first, 'first', 20, 200) },
    );
