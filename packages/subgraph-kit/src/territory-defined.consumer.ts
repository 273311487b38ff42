import { territoryDefinedV1 } from '@sc/contracts';
import { handler, type MessageHandler } from '@sc/messaging';
import { upsertTerritory } from './territories';

/**
 * An ADMIN changed the territory directory at one agency: every agency applies
 * the entry to its own copy (idempotent; key = code keeps one code's changes
 * in order). A parent this agency does not know yet fails the foreign key and
 * is retried, then dead-lettered for replay once the parent has arrived.
 */
export const territoryDefinedHandler = (): MessageHandler =>
  handler({
    message: territoryDefinedV1,
    accepts: () => true,
    handle: (d, { em }) => upsertTerritory(em, d),
  });
