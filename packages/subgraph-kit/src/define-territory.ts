import type { EntityManager } from '@mikro-orm/core';
import { territoryDefinedV1 } from '@sc/contracts';
import type { AccessRule } from '@sc/auth';
import { parseIsoDate, parseTerritory, ValidationError } from '@sc/kernel';
import { inChange, type CaseContext } from './change';
import { upsertTerritory, type TerritoryDefinition, type TerritoryRow } from './territories';
import type { TerritoryKind } from './territory-directory.data';

const KINDS: readonly TerritoryKind[] = ['REGION', 'GROUP', 'MUNICIPAL_DISTRICT', 'MUNICIPAL_OKRUG', 'CITY_OKRUG'];

export interface DefineTerritoryInput {
  code: string;
  name: string;
  parent?: string | null;
  kind: string;
  validFrom: string;
  validTo?: string | null;
  edition: string;
}

function validDefinition(i: DefineTerritoryInput): TerritoryDefinition {
  const code = parseTerritory(i.code, 'input.code');
  const name = i.name.trim();
  if (!name || name.length > 300) throw new ValidationError('input.name', 'LENGTH', 'from 1 to 300 characters');
  if (!KINDS.includes(i.kind as TerritoryKind))
    throw new ValidationError('input.kind', 'ENUM', `one of ${KINDS.join(', ')}`);
  const parent = i.parent == null ? null : parseTerritory(i.parent, 'input.parent');
  if ((parent === null) !== (i.kind === 'REGION'))
    throw new ValidationError('input.parent', 'PARENT_REQUIRED', 'a region has no parent; every other entry has one');
  if (parent === code) throw new ValidationError('input.parent', 'PARENT_NOT_SELF', 'an entry cannot enclose itself');
  if (parent && parent.slice(0, 2) !== code.slice(0, 2))
    throw new ValidationError('input.parent', 'PARENT_SAME_REGION', 'the parent must be in the same region');
  const validFrom = parseIsoDate(i.validFrom, 'input.validFrom');
  const validTo = i.validTo == null ? null : parseIsoDate(i.validTo, 'input.validTo');
  if (validTo && validTo < validFrom)
    throw new ValidationError('input.validTo', 'DATE_ORDER', 'must not be before validFrom');
  const edition = i.edition.trim();
  if (!edition || edition.length > 200)
    throw new ValidationError('input.edition', 'LENGTH', 'from 1 to 200 characters');
  return { code, name, parent, kind: i.kind as TerritoryKind, validFrom, validTo, edition };
}

/**
 * An ADMIN defines, changes or closes an entry of the territory directory
 * (DOMAIN.md §10: data, never code). Written here and announced on
 * `sc.reference-data.v1` in one transaction; every agency applies the
 * message, so the three directories stay alike. The admin's own territory
 * must cover the entry.
 */
export function defineTerritory(
  ctx: CaseContext,
  rule: AccessRule,
  input: DefineTerritoryInput,
): Promise<TerritoryRow> {
  return inChange(ctx, 'defineTerritory', rule, async (tx, c) => {
    const t = validDefinition(input);
    c.guard({ territory: t.code });
    if (t.parent && !(await parentExists(tx, t.parent)))
      throw new ValidationError('input.parent', 'PARENT_UNKNOWN', `${t.parent} is not in the territory directory`);
    await upsertTerritory(tx, t);
    await ctx.deps.outbox.enqueue(tx, territoryDefinedV1, t.code, {
      ...t,
      definedBy: ctx.deps.outbox.agency,
      definedAt: c.now.toISOString(),
    });
    return { code: t.code, name: t.name, parent: t.parent, kind: t.kind, validFrom: t.validFrom, validTo: t.validTo };
  });
}

async function parentExists(tx: EntityManager, parent: string): Promise<boolean> {
  const rows = await tx
    .getConnection()
    .execute<{ code: string }[]>(
      'select code from territory where code = ?',
      [parent],
      'all',
      tx.getTransactionContext(),
    );
  return rows.length > 0;
}
