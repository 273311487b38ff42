import { EntitySchema } from '@mikro-orm/core';
import { columns, refTo, territoryColumn } from '@sc/subgraph-kit';
import { JobSeekerRegistration } from '../../registrations/domain/job-seeker-registration';
import { EmploymentPlan } from '../domain/employment-plan';

const { text, date, version, citizen } = columns;

export const EmploymentPlanSchema = new EntitySchema<EmploymentPlan>({
  class: EmploymentPlan,
  tableName: 'employment_plan',
  properties: {
    id: { type: 'uuid', primary: true },
    registrationId: refTo(() => JobSeekerRegistration, { fieldName: 'registration_id' }),
    citizenId: citizen(),
    territory: territoryColumn(),
    status: text(),
    steps: { type: 'json' },
    agreedOn: date(true),
    draftedBy: text(),
    version,
  },
});
