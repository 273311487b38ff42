import { Migration20261123000000Init } from './Migration20261123000000Init';

/** Committed migrations, in order. Applied at start; the schema is never auto-synced. */
export const migrations = [{ name: 'Migration20261123000000Init', class: Migration20261123000000Init }];
