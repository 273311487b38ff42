import type { EntityManager } from '@mikro-orm/core';
import type { AccessRule } from '@sc/auth';
import { inRegionMonth } from './region-month';
import { ForbiddenError, monthOf, NotFoundError, parseIsoMonth, ValidationError } from '@sc/kernel';
import { inChange, type CaseContext } from './change';
import type { Read } from './read';

export interface WorkEntry {
  id: string;
  subject: string;
  territory: string;
  operation: string;
  entity: string;
  entityId: string;
  normedMinutes: number;
  actualMinutes: number | null;
  at: Date;
}

const entryOf = (r: Record<string, unknown>): WorkEntry => ({
  id: r.id as string,
  subject: r.subject as string,
  territory: r.territory as string,
  operation: r.operation as string,
  entity: r.entity as string,
  entityId: r.entity_id as string,
  normedMinutes: Number(r.normed_minutes),
  actualMinutes: r.actual_minutes == null ? null : Number(r.actual_minutes),
  at: new Date(r.at as string),
});

/** One specialist's recorded actions in a month (YYYY-MM), newest first, within a territory prefix. */
export async function listWorkLog(
  em: EntityManager,
  a: { subject: string; month: string; territoryPrefix: string; timeZone: string },
): Promise<WorkEntry[]> {
  parseIsoMonth(a.month, 'month');
  const inMonth = inRegionMonth('at', a.month, a.timeZone);
  const rows = await em.getConnection().execute<Record<string, unknown>[]>(
    `select * from work_log where subject = ? and territory like ?
        and ${inMonth.sql} order by at desc limit 1000`,
    [a.subject, `${a.territoryPrefix}%`, ...inMonth.params],
  );
  return rows.map(entryOf);
}

/**
 * Records the actual time of an action where it differed from the norm
 * (0–1,440 minutes): by the one who did it, or by a HEAD whose territory
 * covers it. The norm stays for comparison.
 */
export function correctWorkTime(
  ctx: CaseContext,
  rule: AccessRule,
  i: { workId: string; actualMinutes: number },
): Promise<WorkEntry> {
  return inChange(ctx, 'correctWorkTime', rule, async (tx, c) => {
    if (!Number.isInteger(i.actualMinutes) || i.actualMinutes < 0 || i.actualMinutes > 1440)
      throw new ValidationError('input.actualMinutes', 'RANGE', 'whole minutes from 0 to 1440');
    const conn = tx.getConnection();
    const [row] = await conn.execute<Record<string, unknown>[]>(
      'select * from work_log where id = ? for update',
      [i.workId],
      'all',
      tx.getTransactionContext(),
    );
    if (!row) throw new NotFoundError('WorkEntry', i.workId, 'input.workId');
    c.guard({ territory: row.territory as string });
    if (row.subject !== c.p.subject && !c.p.roles.includes('HEAD'))
      throw new ForbiddenError('correctWorkTime: only the one who did the work or a HEAD corrects its time', {
        rule: 'OWN_WORK_OR_HEAD',
      });
    await conn.execute(
      'update work_log set actual_minutes = ? where id = ?',
      [i.actualMinutes, i.workId],
      'run',
      tx.getTransactionContext(),
    );
    return entryOf({ ...row, actual_minutes: i.actualMinutes });
  });
}

/** Хронометраж of one specialist (the caller unless a HEAD names another) in a month (the current one by default). */
export const workLogOf =
  (month: string | null | undefined, subject: string | null | undefined): Read<WorkEntry[]> =>
  ({ em, principal, today, territoryPrefix, deps }) => {
    if (subject && subject !== principal.subject && !principal.roles.includes('HEAD'))
      throw new ForbiddenError("another specialist's work log is for the HEAD", {
        field: 'subject',
        rule: 'HEAD_ONLY',
      });
    return listWorkLog(em, {
      subject: subject ?? principal.subject,
      month: month ?? monthOf(today),
      territoryPrefix,
      timeZone: deps.config.timeZone,
    });
  };
