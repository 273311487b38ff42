import { EntitySchema } from '@mikro-orm/core';
import { territoryColumn } from '@sc/subgraph-kit';
import { CommissionMeeting } from '../domain/commission-meeting';

export const CommissionMeetingSchema = new EntitySchema<CommissionMeeting>({
  class: CommissionMeeting,
  tableName: 'commission_meeting',
  properties: {
    id: { type: 'uuid', primary: true },
    region: { type: 'string', columnType: 'text' },
    territory: territoryColumn(),
    meetingDate: { type: 'date', columnType: 'date' },
    place: { type: 'string', columnType: 'text', nullable: true },
    status: { type: 'string', columnType: 'text' },
    members: { type: 'json' },
    agenda: { type: 'json' },
    decisions: { type: 'json' },
    evaluationAgenda: { type: 'json' },
    conclusions: { type: 'json' },
    attended: { type: 'json' },
    minutes: { type: 'string', columnType: 'text', nullable: true },
    heldAt: { type: 'Date', columnType: 'timestamptz', nullable: true },
    scheduledBy: { type: 'string', columnType: 'text' },
    version: { type: 'integer', version: true },
  },
});
