import { EntitySchema } from '@mikro-orm/core';
import { columns, territoryColumn } from '@sc/subgraph-kit';
import { JobSeekerRegistration } from '../domain/job-seeker-registration';

const { text, date, version, citizen } = columns;

export const JobSeekerRegistrationSchema = new EntitySchema<JobSeekerRegistration>({
  class: JobSeekerRegistration,
  tableName: 'job_seeker_registration',
  properties: {
    id: { type: 'uuid', primary: true },
    citizenId: citizen(),
    territory: territoryColumn(),
    status: text(),
    channel: text(),
    referralId: { type: 'uuid', nullable: true },
    needs: { type: 'json' },
    education: text(),
    profession: text(true),
    experienceYears: { type: 'integer' },
    registeredOn: date(),
    registeredBy: text(),
    assignedTo: { type: 'string', columnType: 'text', nullable: true },
    profiling: { type: 'json', nullable: true },
    nextProfilingDue: date(true),
    category: text(true),
    offers: { type: 'json' },
    employment: { type: 'json', nullable: true },
    deregistrationReason: text(true),
    closedOn: date(true),
    version,
  },
});
