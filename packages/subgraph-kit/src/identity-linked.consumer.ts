import { citizenIdentityLinkedV1 } from '@sc/contracts';
import { handler, type MessageHandler } from '@sc/messaging';
import { SYSTEM_PRINCIPAL, writeAudit } from './audit';
import type { ServiceDeps } from './context';

/**
 * Another agency linked a provisional citizen key to the key derived from the
 * СНИЛС: re-key this agency's copy (if it has one) and keep the old key as an
 * alias, so references held anywhere keep resolving. A clash with a record
 * already under the derived key is a CONFLICT: dead-lettered for an
 * administrator to merge, never merged silently.
 */
export const identityLinkedHandler = (deps: ServiceDeps, agency: ServiceDeps['outbox']['agency']): MessageHandler =>
  handler({
    message: citizenIdentityLinkedV1,
    accepts: (d) => d.linkedBy !== agency,
    async handle(d, { em }) {
      if (await deps.directory.rekey(em, d.previousCitizenId, d.citizenId)) {
        await writeAudit(em, SYSTEM_PRINCIPAL(agency, 'system:identity-link'), [
          {
            citizenId: d.citizenId,
            operation: citizenIdentityLinkedV1.type,
            action: 'CHANGE',
            entity: 'Citizen',
            entityId: d.previousCitizenId,
          },
        ]);
      }
    },
  });
