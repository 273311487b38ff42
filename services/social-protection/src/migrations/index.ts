import { Migration20261123000000Init } from './Migration20261123000000Init';
import { Migration20261124000000SocialContractLifecycle } from './Migration20261124000000SocialContractLifecycle';
import { Migration20261130010000Territory } from './Migration20261130010000Territory';
import { Migration20261130040000Statistics } from './Migration20261130040000Statistics';
import { Migration20261201000000ReferralLifecycle } from './Migration20261201000000ReferralLifecycle';
import { Migration20261202000000Identification } from './Migration20261202000000Identification';
import { Migration20261202010000EffectivenessAtCommission } from './Migration20261202010000EffectivenessAtCommission';
import { Migration20261202020000NonFulfilment } from './Migration20261202020000NonFulfilment';
import { Migration20261203000000ProgrammeAgreement } from './Migration20261203000000ProgrammeAgreement';

/** Committed migrations, in order. Applied at start; the schema is never auto-synced. */
export const migrations = [
  { name: 'Migration20261123000000Init', class: Migration20261123000000Init },
  { name: 'Migration20261124000000SocialContractLifecycle', class: Migration20261124000000SocialContractLifecycle },
  { name: 'Migration20261130010000Territory', class: Migration20261130010000Territory },
  { name: 'Migration20261130040000Statistics', class: Migration20261130040000Statistics },
  { name: 'Migration20261201000000ReferralLifecycle', class: Migration20261201000000ReferralLifecycle },
  { name: 'Migration20261202000000Identification', class: Migration20261202000000Identification },
  {
    name: 'Migration20261202010000EffectivenessAtCommission',
    class: Migration20261202010000EffectivenessAtCommission,
  },
  { name: 'Migration20261202020000NonFulfilment', class: Migration20261202020000NonFulfilment },
  { name: 'Migration20261203000000ProgrammeAgreement', class: Migration20261203000000ProgrammeAgreement },
];
