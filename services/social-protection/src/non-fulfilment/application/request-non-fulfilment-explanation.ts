import { addDays, ConflictError, parseIsoDate, parseIsoMonth, ValidationError } from '@sc/kernel';
import { loadWorkingCalendar, type CaseContext } from '@sc/subgraph-kit';
import type { EntityManager } from '@mikro-orm/core';
import { CASE_WORK } from '../../access';
import { nonFulfilmentNotice } from '../../citizen-notices/domain/citizen-notice';
import { sendCitizenNotice } from '../../citizen-notices/application/send-citizen-notice';
import { changeContract } from '../../contracts/application/change-contract';
import type { SocialContract } from '../../contracts/domain/social-contract';
import { MonthlyReport } from '../../monitoring/domain/monthly-report';
import { monthlyReportDueDate } from '../../monitoring/domain/obligations';
import type { RegionalParameters } from '../../parameters/domain/regional-parameters';
import { isActivityOverdue } from '../../programmes/domain/psa-activity';
import { NonFulfilment, type BreachKind } from '../domain/non-fulfilment';

export interface RequestExplanationInput {
  contractId: string;
  activityId?: string | null;
  reportPeriod?: string | null;
  explanationDueDate?: string | null;
}

/** What was missed and when it was due: an open activity past its due day, or a month's report not submitted in time. */
async function missedObligation(
  tx: EntityManager,
  c: SocialContract,
  i: RequestExplanationInput,
  today: string,
  params: RegionalParameters,
): Promise<{ breach: BreachKind; missedDueDate: string; what: string }> {
  if (Boolean(i.activityId) === Boolean(i.reportPeriod))
    throw new ValidationError('input', 'ONE_OF', 'name either the missed activity or the month of the missed report');
  if (i.activityId) {
    const a = c.activities.find((x) => x.id === i.activityId);
    if (!a) throw new ValidationError('input.activityId', 'MUST_EXIST', `not an activity of contract ${c.number}`);
    if (!isActivityOverdue(a, today) && a.status !== 'OVERDUE')
      throw new ValidationError('input.activityId', 'NOT_MISSED', `the activity is ${a.status}, due ${a.dueDate}`);
    return { breach: 'ACTIVITY_MISSED', missedDueDate: a.dueDate, what: `мероприятие «${a.description}»` };
  }
  const period = parseIsoMonth(i.reportPeriod!, 'input.reportPeriod');
  const calendar = await loadWorkingCalendar(tx);
  const due = monthlyReportDueDate(c, period, calendar, params);
  const submitted = await tx.count(MonthlyReport, { contractId: c.id, period });
  if (submitted || today <= due || period < c.startDate.slice(0, 7))
    throw new ValidationError(
      'input.reportPeriod',
      'NOT_MISSED',
      `the report for ${period} is not missed (due ${due})`,
    );
  return { breach: 'REPORT_MISSED', missedDueDate: due, what: `отчёт за ${period}` };
}

/**
 * Запросить объяснение: opens the chain for one missed activity or report of
 * a running contract, with the day by which the citizen explains
 * (NON_FULFILMENT_EXPLANATION_DAYS when not given); one open chain per miss.
 */
export async function requestNonFulfilmentExplanation(
  ctx: CaseContext,
  i: RequestExplanationInput,
): Promise<NonFulfilment> {
  let chain: NonFulfilment | undefined;
  await changeContract(
    ctx,
    'requestNonFulfilmentExplanation',
    CASE_WORK,
    i.contractId,
    async (c, { tx, ch, params }) => {
      if (!c.isRunning())
        throw new ConflictError('CONTRACT_NOT_RUNNING', `contract ${c.number} is ${c.status}`, {
          rule: 'STATE_MACHINE',
          currentState: c.status,
          attemptedAction: 'requestNonFulfilmentExplanation',
        });
      const missed = await missedObligation(tx, c, i, ch.today, params);
      const dueDate = i.explanationDueDate
        ? parseIsoDate(i.explanationDueDate, 'input.explanationDueDate')
        : addDays(ch.today, params.get('NON_FULFILMENT_EXPLANATION_DAYS'));
      if (dueDate <= ch.today || dueDate > addDays(ch.today, 60))
        throw new ValidationError('input.explanationDueDate', 'DATE_RANGE', 'from tomorrow to 60 days from today');
      const open = (await tx.find(NonFulfilment, { contractId: c.id })).find(
        (x) => x.isOpen() && x.activityId === (i.activityId ?? null) && x.reportPeriod === (i.reportPeriod ?? null),
      );
      if (open)
        throw new ConflictError('CHAIN_OPEN', 'an explanation of this miss is already being handled', {
          rule: 'ONE_CHAIN_PER_MISS',
          caseId: open.id,
        });
      chain = NonFulfilment.open({
        contractId: c.id,
        citizenId: c.citizenId,
        territory: c.territory,
        breach: missed.breach,
        activityId: i.activityId ?? null,
        reportPeriod: i.reportPeriod ?? null,
        missedDueDate: missed.missedDueDate,
        explanationDueDate: dueDate,
        today: ch.today,
        by: ch.by,
        now: ch.now,
      });
      tx.persist(chain);
      const text = `Не выполнено: ${missed.what} (срок ${missed.missedDueDate}). Просим представить объяснение причин до ${dueDate}.`;
      await sendCitizenNotice(tx, ctx.deps, nonFulfilmentNotice(c, 'EXPLANATION_REQUESTED', text, { dueDate }), ch.now);
    },
  );
  return chain!;
}
