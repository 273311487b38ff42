import { caseAssignedV1 } from '@sc/contracts';
import { notify } from './notifications';
import type { AccessRule } from '@sc/auth';
import { coversTerritory, NotFoundError, uuidv7, ValidationError } from '@sc/kernel';
import { inChange, type CaseContext } from './change';

/** A case a HEAD can assign: its territory, its person (none for anonymous urgent help) and its specialist. */
export interface AssignableCase {
  id: string;
  citizenId?: string | null;
  territory: string;
  assignedTo?: string | null;
}

export interface AssignedCase {
  caseType: string;
  caseId: string;
  assignedTo: string;
  territory: string;
}

export const MAX_ASSIGN_AT_ONCE = 200;

/**
 * Назначение ответственного (issue 12): a HEAD assigns one case or many at
 * once to a specialist of the agency who works in a territory covering each
 * case. All or nothing: one case outside the HEAD's territory, unknown, or
 * outside the specialist's refuses the whole call. Each changed case is
 * audited and announced to the specialist (`notification.case-assigned.v1`).
 */
export function assignCases<T extends AssignableCase>(
  ctx: CaseContext,
  rule: AccessRule,
  a: { operation: string; caseType: string; entity: new () => T; caseIds: string[]; assignedTo: string },
): Promise<AssignedCase[]> {
  return inChange(ctx, a.operation, rule, async (tx, c) => {
    const ids = a.caseIds;
    if (ids.length < 1 || ids.length > MAX_ASSIGN_AT_ONCE)
      throw new ValidationError('input.caseIds', 'RANGE', `from 1 to ${MAX_ASSIGN_AT_ONCE} cases at once`);
    if (new Set(ids).size !== ids.length)
      throw new ValidationError('input.caseIds', 'DUPLICATE', 'a case is listed twice');
    const assignee = a.assignedTo.trim();
    const [staff] = await tx
      .getConnection()
      .execute<{ territory: string; roles: string[] }[]>(
        'select territory, roles from staff_member where subject = ?',
        [assignee],
        'all',
        tx.getTransactionContext(),
      );
    if (!staff)
      throw new ValidationError(
        'input.assignedTo',
        'ASSIGNEE_UNKNOWN',
        `${assignee} is not known as staff of this agency`,
      );
    if (!staff.roles.some((r: string) => r === 'SPECIALIST' || r === 'HEAD'))
      throw new ValidationError('input.assignedTo', 'ASSIGNEE_NOT_CASE_WORKER', `${assignee} does not work cases`);
    const rows = (await tx.find(a.entity, { id: { $in: ids } } as never)) as T[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    const out: AssignedCase[] = [];
    for (const id of ids) {
      const row = byId.get(id);
      if (!row) throw new NotFoundError(a.caseType, id, 'input.caseIds');
      c.guard(row);
      if (!coversTerritory(staff.territory, row.territory))
        throw new ValidationError(
          'input.assignedTo',
          'ASSIGNEE_OUTSIDE_TERRITORY',
          `${assignee} works in ${staff.territory}; case ${id} is in ${row.territory}`,
        );
      const previous = row.assignedTo ?? null;
      out.push({ caseType: a.caseType, caseId: id, assignedTo: assignee, territory: row.territory });
      if (previous === assignee) continue;
      row.assignedTo = assignee;
      if (row.citizenId) c.audit({ citizenId: row.citizenId, territory: row.territory }, a.caseType, id);
      await notify(tx, ctx.deps, caseAssignedV1, {
        notificationId: uuidv7(c.now.getTime()),
        recipient: { subject: assignee, agency: ctx.deps.outbox.agency },
        caseType: a.caseType,
        caseId: id,
        territory: row.territory,
        previousAssignee: previous,
        assignedBy: c.by,
        assignedAt: c.now.toISOString(),
      });
    }
    return out;
  });
}
