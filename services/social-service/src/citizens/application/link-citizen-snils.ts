import { citizenIdentityLinkedV1 } from '@sc/contracts';
import { ConflictError, parseSnils } from '@sc/kernel';
import { inChange, type CaseContext } from '@sc/subgraph-kit';
import { INTAKE_ACCESS } from '../../applications/application/register-application';

/**
 * A person served without documents brings their СНИЛС: the record moves to
 * the derived key (the old one stays as an alias) and every agency is told.
 */
export function linkCitizenSnils(
  ctx: CaseContext,
  input: { citizenId: string; snils: string },
): Promise<{ id: string }> {
  const { deps } = ctx;
  return inChange(ctx, 'linkCitizenSnils', INTAKE_ACCESS, async (tx, c) => {
    const snils = parseSnils(input.snils, 'input.snils');
    const citizen = await deps.directory.get(tx, input.citizenId, 'input.citizenId');
    c.guard(citizen);
    const territory = citizen.territory;
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
      linkedAt: c.now.toISOString(),
    });
    c.audit({ citizenId: derived, territory }, 'Citizen', previous);
    return { id: derived };
  });
}
