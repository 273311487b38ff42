import { Migration20261123000000Init } from './Migration20261123000000Init';
import { Migration20261124000000SocialServices } from './Migration20261124000000SocialServices';

/** Committed migrations, in order. Applied at start; the schema is never auto-synced. */
export const migrations = [
  { name: 'Migration20261123000000Init', class: Migration20261123000000Init },
  { name: 'Migration20261124000000SocialServices', class: Migration20261124000000SocialServices },
];
