import { parseIsoDate, ValidationError } from '@sc/kernel';
import type { CaseContext } from '@sc/subgraph-kit';
import { CASE_WORK } from '../../access';
import { nonFulfilmentNotice } from '../../citizen-notices/domain/citizen-notice';
import type { SocialContract } from '../../contracts/domain/social-contract';
import { failActivity, rescheduleActivity } from '../../programmes/domain/psa-activity';
import { chainText, type NonFulfilment } from '../domain/non-fulfilment';
import { changeNonFulfilment } from './change-non-fulfilment';

/** Accepted: the missed activity or report gets a new due day inside the term. */
function moveDeadline(
  nf: NonFulfilment,
  c: SocialContract,
  newDueDate: string,
  reason: string,
  today: string,
  by: string,
) {
  if (newDueDate <= today)
    throw new ValidationError('input.newDueDate', 'NOT_IN_PAST', 'the new due day comes after today');
  if (nf.breach === 'REPORT_MISSED') return c.extendReportDeadline(nf.reportPeriod!, newDueDate);
  if (newDueDate > c.endDate)
    throw new ValidationError('input.newDueDate', 'WITHIN_CONTRACT', `the contract ends on ${c.endDate}`);
  const a = c.activities.find((x) => x.id === nf.activityId)!;
  rescheduleActivity(a, newDueDate, reason, today, by);
}

/**
 * Уважительная причина: accepted — the deadline moves and the chain closes;
 * not accepted — a missed activity fails, and the chain goes on (warning,
 * termination). Without an explanation the decision waits for its due day.
 */
export const decideNonFulfilmentGoodCause = (
  ctx: CaseContext,
  i: { caseId: string; accepted: boolean; reason: string; newDueDate?: string | null },
) =>
  changeNonFulfilment(ctx, 'decideNonFulfilmentGoodCause', CASE_WORK, i.caseId, (nf, c, { ch }) => {
    const reason = chainText(i.reason, 'input.reason', true)!;
    if (!i.accepted) {
      nf.checkNoExplanationDeadline(ch.today);
      nf.add('GOOD_CAUSE_REJECTED', { on: ch.today, by: ch.by, now: ch.now, text: reason });
      const a = nf.activityId ? c.activities.find((x) => x.id === nf.activityId) : undefined;
      if (a && a.status !== 'FAILED') failActivity(a, reason, ch.today, ch.by);
      return nonFulfilmentNotice(
        c,
        'GOOD_CAUSE_REJECTED',
        `Причина невыполнения не признана уважительной: ${reason}.`,
        {
          reasons: reason,
        },
      );
    }
    if (!i.newDueDate)
      throw new ValidationError('input.newDueDate', 'REQUIRED', 'an accepted good cause moves the deadline');
    const newDueDate = parseIsoDate(i.newDueDate, 'input.newDueDate');
    nf.add('GOOD_CAUSE_ACCEPTED', { on: ch.today, by: ch.by, now: ch.now, text: reason, dueDate: newDueDate });
    moveDeadline(nf, c, newDueDate, reason, ch.today, ch.by);
    return nonFulfilmentNotice(c, 'GOOD_CAUSE_ACCEPTED', `Причина признана уважительной. Новый срок — ${newDueDate}.`, {
      dueDate: newDueDate,
      reasons: reason,
    });
  });
