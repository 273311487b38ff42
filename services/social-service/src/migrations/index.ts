import { Migration20261123000000Init } from './Migration20261123000000Init';
import { Migration20261124000000SocialServices } from './Migration20261124000000SocialServices';
import { Migration20261130010000Territory } from './Migration20261130010000Territory';
import { Migration20261130020000Assignment } from './Migration20261130020000Assignment';
import { Migration20261130030000CommissionInvitations } from './Migration20261130030000CommissionInvitations';
import { Migration20261130040000Statistics } from './Migration20261130040000Statistics';
import { Migration20261201000000IncomingReferrals } from './Migration20261201000000IncomingReferrals';
import { Migration20261202000000UnsignedAct } from './Migration20261202000000UnsignedAct';
import { Migration20261203000000ProgrammeDrafts } from './Migration20261203000000ProgrammeDrafts';
import { Migration20261203010000AccompanimentContent } from './Migration20261203010000AccompanimentContent';

/** Committed migrations, in order. Applied at start; the schema is never auto-synced. */
export const migrations = [
  { name: 'Migration20261123000000Init', class: Migration20261123000000Init },
  { name: 'Migration20261124000000SocialServices', class: Migration20261124000000SocialServices },
  { name: 'Migration20261130010000Territory', class: Migration20261130010000Territory },
  { name: 'Migration20261130020000Assignment', class: Migration20261130020000Assignment },
  { name: 'Migration20261130030000CommissionInvitations', class: Migration20261130030000CommissionInvitations },
  { name: 'Migration20261130040000Statistics', class: Migration20261130040000Statistics },
  { name: 'Migration20261201000000IncomingReferrals', class: Migration20261201000000IncomingReferrals },
  { name: 'Migration20261202000000UnsignedAct', class: Migration20261202000000UnsignedAct },
  { name: 'Migration20261203000000ProgrammeDrafts', class: Migration20261203000000ProgrammeDrafts },
  { name: 'Migration20261203010000AccompanimentContent', class: Migration20261203010000AccompanimentContent },
];
