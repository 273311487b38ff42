import type { EntityManager } from '@mikro-orm/core';
import { deadlineV1, type MessageData } from '@sc/contracts';
import { addDays, dateOf, uuidv7, type Agency, type IsoDate } from '@sc/kernel';
import { notify } from './notifications';
import type { JobContext, ScheduledJob } from './scheduler';

/** A deadline of a case as a service lists it for its timed check. */
export interface CaseDeadline {
  kind: string;
  dueDate: IsoDate;
  description: string;
  caseType: string;
  caseId: string;
  territory: string;
  assignedTo?: string | null;
  /** The person the case is about, when a notice to them goes with it. */
  citizenId?: string | null;
}

type Recipient = MessageData<typeof deadlineV1>['recipient'];

/**
 * A service's deadline check: its open deadlines due within the warning days
 * (a dated regional parameter, DEADLINE_WARNING_DAYS) are announced
 * APPROACHING to the case's specialist, and once passed MISSED — to the
 * specialist, or to the office's HEAD when nobody is assigned. Each (case,
 * deadline, day, stage) is announced once however often the check runs or
 * the acceptance clock moves. Runs at 07:30 and 12:30 local time.
 */
export function deadlineJob(o: {
  name: string;
  agency: Agency;
  /** Open deadlines of the region due on or before `until` (overdue ones included). */
  list: (
    em: EntityManager,
    a: { region: string; today: IsoDate; until: IsoDate; warningDays: number },
  ) => Promise<CaseDeadline[]>;
  warningDays: (em: EntityManager, region: string, today: IsoDate) => Promise<number>;
  /** More to do with the same notice, in its transaction (e.g. remind the citizen of a report due). */
  also?: (tx: EntityManager, d: CaseDeadline, stage: 'APPROACHING' | 'MISSED', ctx: JobContext) => Promise<void>;
}): ScheduledJob {
  return { name: o.name, cron: '30 7,12 * * *', run: (ctx) => notifyDeadlines(ctx, o) };
}

async function notifyDeadlines(ctx: JobContext, o: Parameters<typeof deadlineJob>[0]): Promise<void> {
  const { region } = ctx.deps.config;
  const today = dateOf(ctx.now);
  const em = ctx.deps.orm.em.fork();
  const warn = await o.warningDays(em, region, today);
  const due = await o.list(em, { region, today, until: addDays(today, warn), warningDays: warn });
  let sent = 0;
  for (const d of due) {
    // Due today is still APPROACHING; from the next day (the region's calendar) it is MISSED.
    const stage = d.dueDate < today ? 'MISSED' : 'APPROACHING';
    const made = await ctx.once(`${d.kind}:${d.caseId}:${d.dueDate}:${stage}`, async (tx) => {
      await o.also?.(tx, d, stage, ctx);
      await notify(tx, ctx.deps, deadlineV1, {
        notificationId: uuidv7(ctx.now.getTime()),
        recipient: recipientOf(d, o.agency),
        stage,
        kind: d.kind,
        dueDate: d.dueDate,
        description: d.description,
        caseType: d.caseType,
        caseId: d.caseId,
        territory: d.territory,
        detectedAt: ctx.now.toISOString(),
      });
    });
    if (made) sent++;
  }
  if (sent) ctx.log.info({ sent, deadlines: due.length }, 'deadline notifications sent');
}

const recipientOf = (d: CaseDeadline, agency: Agency): Recipient =>
  d.assignedTo ? { subject: d.assignedTo, agency } : { role: 'HEAD', agency, territory: d.territory };
