import type { EntityManager } from '@mikro-orm/core';
import { authorize, type Principal } from '@sc/auth';
import { citizenIdentityLinkedV1 } from '@sc/contracts';
import { ConflictError, parseSnils } from '@sc/kernel';
import { writeAudit, type ServiceDeps } from '@sc/subgraph-kit';
import { INTAKE_ACCESS } from '../../applications/application/register-application';

/**
 * A person served without documents brings their СНИЛС: the record moves to
 * the derived key (the old one stays as an alias) and every agency is told.
 */
export async function linkCitizenSnils(
  deps: ServiceDeps,
  p: Principal,
  em: EntityManager,
  input: { citizenId: string; snils: string },
): Promise<{ id: string }> {
  authorize(p, INTAKE_ACCESS, 'linkCitizenSnils');
  const snils = parseSnils(input.snils, 'input.snils');
  return deps.outbox.transaction(em, async (tx) => {
    const citizen = await deps.directory.get(tx, input.citizenId, 'input.citizenId');
    const derived = deps.directory.keyFor(snils);
    if (citizen.snils) {
      if (citizen.snils === snils) return { id: citizen.id };
      throw new ConflictError('SNILS_ALREADY_LINKED', 'the citizen already has a different СНИЛС on file', {
        field: 'input.snils',
        rule: 'ONE_SNILS_PER_CITIZEN',
      });
    }
    const previous = citizen.id;
    tx.clear(); // the row changes its primary key below, outside the identity map
    await deps.directory.rekey(tx, previous, derived, snils);
    await deps.outbox.enqueue(tx, citizenIdentityLinkedV1, derived, {
      previousCitizenId: previous,
      citizenId: derived,
      linkedBy: 'SOCIAL_SERVICE',
      linkedAt: new Date().toISOString(),
    });
    await writeAudit(tx, p, [
      { citizenId: derived, operation: 'linkCitizenSnils', action: 'CHANGE', entity: 'Citizen', entityId: previous },
    ]);
    return { id: derived };
  });
}
