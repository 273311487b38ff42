import { parseIsoDate, ValidationError, type IsoDate } from '@sc/kernel';
import { CASE_WORK } from '../../access';
import { applyActivityEvent, failActivity, rescheduleActivity } from '../../programmes/domain/psa-activity';
import type { CaseContext } from '@sc/subgraph-kit';
import { changeContract } from './change-contract';

/** A specialist moves an activity: started, rescheduled for a valid reason, or failed without one. */
export function updatePsaActivity(
  ctx: CaseContext,
  i: {
    contractId: string;
    activityId: string;
    action: 'START' | 'RESCHEDULE' | 'FAIL';
    newDueDate?: IsoDate | null;
    reason?: string | null;
  },
) {
  return changeContract(ctx, 'updatePsaActivity', CASE_WORK, i.contractId, (c, { ch }) => {
    const a = c.activities.find((x) => x.id === i.activityId);
    if (!a) throw new ValidationError('input.activityId', 'MUST_EXIST', `not an activity of contract ${c.number}`);
    if (i.action === 'START') return applyActivityEvent(a, 'start', ch.today, ch.by, i.reason);
    if (!i.reason?.trim()) throw new ValidationError('input.reason', 'REASONS_REQUIRED', 'state the reason');
    if (i.action === 'FAIL') return failActivity(a, i.reason.trim(), ch.today, ch.by);
    if (!i.newDueDate)
      throw new ValidationError('input.newDueDate', 'REQUIRED', 'a rescheduled activity needs a new due date');
    parseIsoDate(i.newDueDate, 'input.newDueDate');
    if (i.newDueDate > c.endDate || i.newDueDate < ch.today)
      throw new ValidationError(
        'input.newDueDate',
        'ACTIVITY_WITHIN_CONTRACT',
        `the new due date must fall between today and the contract end ${c.endDate}`,
      );
    rescheduleActivity(a, i.newDueDate, i.reason.trim(), ch.today, ch.by);
  });
}
