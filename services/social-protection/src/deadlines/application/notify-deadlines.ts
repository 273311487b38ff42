import { deadlineV1, type MessageData } from '@sc/contracts';
import { dateOf, uuidv7 } from '@sc/kernel';
import { notify, type JobContext } from '@sc/subgraph-kit';
import { loadParameters } from '../../parameters/application/parameter.queries';
import type { Deadline } from '../domain/deadline';
import { listDeadlines } from './list-deadlines';

type Recipient = MessageData<typeof deadlineV1>['recipient'];

/**
 * Scheduled check: every open deadline of the region's applications and
 * contracts (the same list a specialist sees in `deadlines`) that falls
 * within DEADLINE_WARNING_DAYS is announced to its specialist as
 * APPROACHING, and once passed as MISSED — to the specialist, or to the
 * office's HEAD when nobody is assigned. Each (case, deadline, day, stage)
 * is announced once, however often the check runs or the clock moves.
 */
export async function notifyDeadlines(ctx: JobContext): Promise<void> {
  const { region } = ctx.deps.config;
  const today = dateOf(ctx.now);
  const em = ctx.deps.orm.em.fork();
  const warnDays = (await loadParameters(em, region, today)).get('DEADLINE_WARNING_DAYS');
  const all = await listDeadlines(em, {
    assignedTo: null,
    region,
    today,
    withinDays: warnDays,
    inTerritory: { territory: { $like: `${region}%` } },
  });
  let sent = 0;
  for (const d of all) {
    // Listed are those due within the warning days (today included: APPROACHING) and the overdue (MISSED).
    const stage = d.overdue ? 'MISSED' : 'APPROACHING';
    const caseId = (d.contractId ?? d.applicationId)!;
    const made = await ctx.once(`${d.kind}:${caseId}:${d.dueDate}:${stage}`, async (tx) => {
      await notify(tx, ctx.deps, deadlineV1, {
        notificationId: uuidv7(ctx.now.getTime()),
        recipient: recipientOf(d),
        stage,
        kind: d.kind,
        dueDate: d.dueDate,
        description: d.description,
        caseType: d.contractId ? 'SocialContract' : 'ScApplication',
        caseId,
        territory: d.territory,
        detectedAt: ctx.now.toISOString(),
      });
    });
    if (made) sent++;
  }
  if (sent) ctx.log.info({ sent, deadlines: all.length }, 'deadline notifications sent');
}

const recipientOf = (d: Deadline): Recipient =>
  d.assignedTo
    ? { subject: d.assignedTo, agency: 'SOCIAL_PROTECTION' }
    : { role: 'HEAD', agency: 'SOCIAL_PROTECTION', territory: d.territory };
