import { EntitySchema } from '@mikro-orm/core';
import { columns, refTo, territoryColumn } from '@sc/subgraph-kit';
import { JobSeekerRegistration } from '../../registrations/domain/job-seeker-registration';
import { TrainingReferral } from '../domain/training-referral';

const { text, date, version, citizen } = columns;

export const TrainingReferralSchema = new EntitySchema<TrainingReferral>({
  class: TrainingReferral,
  tableName: 'training_referral',
  properties: {
    id: { type: 'uuid', primary: true },
    citizenId: citizen(),
    territory: territoryColumn(),
    registrationId: refTo(() => JobSeekerRegistration, { fieldName: 'registration_id' }),
    contractId: { type: 'uuid', nullable: true },
    psaActivityId: { type: 'uuid', nullable: true },
    programme: text(),
    provider: text(),
    startDate: date(),
    endDate: date(),
    costKopecks: { type: 'integer' },
    capKopecks: { type: 'integer', nullable: true },
    status: text(),
    startedOn: date(true),
    finishedOn: date(true),
    certificate: text(true),
    dropReason: text(true),
    referredBy: text(),
    referredOn: date(),
    version,
  },
});
