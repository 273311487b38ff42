import { Migration20261123000000Init } from './Migration20261123000000Init';
import { Migration20261124000000EmploymentServices } from './Migration20261124000000EmploymentServices';
import { Migration20261130010000Territory } from './Migration20261130010000Territory';
import { Migration20261130020000Assignment } from './Migration20261130020000Assignment';
import { Migration20261130030000CommissionInvitations } from './Migration20261130030000CommissionInvitations';
import { Migration20261130040000Statistics } from './Migration20261130040000Statistics';
import { Migration20261201000000ReferralLifecycle } from './Migration20261201000000ReferralLifecycle';
import { Migration20261203000000ProgrammeDrafts } from './Migration20261203000000ProgrammeDrafts';

/** Committed migrations, in order. Applied at start; the schema is never auto-synced. */
export const migrations = [
  { name: 'Migration20261123000000Init', class: Migration20261123000000Init },
  { name: 'Migration20261124000000EmploymentServices', class: Migration20261124000000EmploymentServices },
  { name: 'Migration20261130010000Territory', class: Migration20261130010000Territory },
  { name: 'Migration20261130020000Assignment', class: Migration20261130020000Assignment },
  { name: 'Migration20261130030000CommissionInvitations', class: Migration20261130030000CommissionInvitations },
  { name: 'Migration20261130040000Statistics', class: Migration20261130040000Statistics },
  { name: 'Migration20261201000000ReferralLifecycle', class: Migration20261201000000ReferralLifecycle },
  { name: 'Migration20261203000000ProgrammeDrafts', class: Migration20261203000000ProgrammeDrafts },
];
