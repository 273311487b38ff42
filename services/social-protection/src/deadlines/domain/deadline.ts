import { addMonths, type IsoDate } from '@sc/kernel';
import type { ScApplication } from '../../applications/domain/sc-application';
import type { SocialContract } from '../../contracts/domain/social-contract';
import type { MonthObligation } from '../../monitoring/domain/obligations';
import type { RegionalParameters } from '../../parameters/domain/regional-parameters';
import { isActivityOpen } from '../../programmes/domain/psa-activity';

export type DeadlineKind =
  | 'APPLICATION_DECISION'
  | 'EXTRA_CHECK_DECISION'
  | 'PSA_ACTIVITY'
  | 'MONTHLY_REPORT'
  | 'CONTROL_VISIT'
  | 'PAYMENT'
  | 'CONTRACT_END'
  | 'EFFECTIVENESS_EVALUATION'
  | 'POST_MONITORING_CHECKPOINT'
  | 'REPAYMENT';

/** Срок, за которым следит специалист. */
export interface Deadline {
  kind: DeadlineKind;
  dueDate: IsoDate;
  overdue: boolean;
  description: string;
  citizenId: string;
  /** ОКТМО of the case the deadline belongs to. */
  territory: string;
  assignedTo?: string | null;
  applicationId?: string | null;
  contractId?: string | null;
}

/** Before the decision: 10 days (178-ФЗ ст. 8), 30 with an extra check. */
export function applicationDeadlines(a: ScApplication, today: IsoDate): Deadline[] {
  const out: Deadline[] = [];
  const base = { citizenId: a.citizenId, territory: a.territory, assignedTo: a.assignedTo, applicationId: a.id };
  const decided =
    !a.isOpen() || ['SURVEY_AND_INTERVIEW', 'PSA_DRAFTING', 'COMMISSION_REVIEW', 'APPROVED'].includes(a.status);
  if (decided) return out;
  if (a.status === 'EXTRA_CHECK' && a.extraCheckDueDate)
    out.push({
      ...base,
      kind: 'EXTRA_CHECK_DECISION',
      dueDate: a.extraCheckDueDate,
      overdue: today > a.extraCheckDueDate,
      description: 'окончательное решение после дополнительной проверки',
    });
  else if (a.decisionDueDate)
    out.push({
      ...base,
      kind: 'APPLICATION_DECISION',
      dueDate: a.decisionDueDate,
      overdue: today > a.decisionDueDate,
      description: 'решение о назначении помощи',
    });
  return out;
}

/** Everything a contract still expects: activities, reports, visits, payments, end, evaluation, monitoring, repayment. */
export function contractDeadlines(
  c: SocialContract,
  obligations: readonly MonthObligation[],
  today: IsoDate,
  params: RegionalParameters,
): Deadline[] {
  const base = {
    citizenId: c.citizenId,
    territory: c.territory,
    assignedTo: c.assignedTo,
    contractId: c.id,
    applicationId: c.applicationId,
  };
  const out: Deadline[] = [];
  const push = (kind: DeadlineKind, dueDate: IsoDate, description: string) =>
    out.push({ ...base, kind, dueDate, overdue: today > dueDate, description });
  if (c.isRunning()) {
    for (const a of c.activities)
      if (isActivityOpen(a) && a.status !== 'REPORTED') push('PSA_ACTIVITY', a.dueDate, `${a.kind}: ${a.description}`);
    for (const o of obligations) {
      if (!o.reportSubmitted) push('MONTHLY_REPORT', o.reportDueDate, `отчёт за ${o.period}`);
      if (o.visitsDone < params.get('CONTROL_VISITS_PER_MONTH'))
        push('CONTROL_VISIT', o.visitDueDate, `контрольное посещение за ${o.period}`);
    }
    for (const p of c.payments)
      if (p.status === 'SCHEDULED' && p.dueDate) push('PAYMENT', p.dueDate, `выплата № ${p.no}: ${p.purpose}`);
    push(
      'CONTRACT_END',
      c.endDate,
      c.status === 'EXTENDED'
        ? 'окончание продлённого срока'
        : `окончание срока; решение о продлении — с ${addMonths(c.endDate, -1)}`,
    );
  }
  if (c.status === 'ENDED')
    push('EFFECTIVENESS_EVALUATION', c.evaluationDueDate(params), 'заключение комиссии об эффективности');
  if (c.status === 'POST_MONITORING')
    for (const cp of c.postMonitoring!.checkpoints)
      if (!cp.doneOn) push('POST_MONITORING_CHECKPOINT', cp.dueDate, `мониторинг, контрольная точка ${cp.no}`);
  if (c.status === 'REPAYMENT_DUE')
    push('REPAYMENT', c.repayment!.dueDate, `возврат ${c.repayment!.amountKopecks} коп.`);
  return out;
}
