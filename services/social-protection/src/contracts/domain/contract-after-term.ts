import { addDays, addMonths, parseIsoDate, ValidationError, type IsoDate } from '@sc/kernel';
import type { RegionalParameters } from '../../parameters/domain/regional-parameters';
import type { EffectivenessFigures } from './effectiveness';
import { contractConflict, type Evaluation, type MonitoringCheckpoint, type PostMonitoring } from './contract-terms';

/** After the term: the effectiveness evaluation and 12 months of post-contract monitoring. */

export const evaluationDueDate = (endDate: IsoDate, params: RegionalParameters): IsoDate =>
  addMonths(endDate, params.get('EFFECTIVENESS_DUE_MONTHS'));

export interface EvaluationInput {
  effective: boolean;
  perCapitaIncomeAfterKopecks: number;
  meetingId?: string | null;
  figures?: EffectivenessFigures | null;
  departureReason?: string | null;
  conclusion: string;
  today: IsoDate;
  by: string;
  params: RegionalParameters;
  now: Date;
}

/** The commission's conclusion, with per-capita income before (means test) and after. */
export function evaluationOf(
  c: { perCapitaIncomeBeforeKopecks: number; endDate: IsoDate },
  a: EvaluationInput,
): Evaluation {
  if (!Number.isInteger(a.perCapitaIncomeAfterKopecks) || a.perCapitaIncomeAfterKopecks < 0)
    throw new ValidationError(
      'input.householdIncomeAfter',
      'AMOUNT_RANGE',
      'income after must be a whole, non-negative number of kopecks',
    );
  if (!a.conclusion.trim())
    throw new ValidationError('input.conclusion', 'REQUIRED', 'the commission’s conclusion must be written');
  return {
    effective: a.effective,
    perCapitaIncomeBeforeKopecks: c.perCapitaIncomeBeforeKopecks,
    perCapitaIncomeAfterKopecks: a.perCapitaIncomeAfterKopecks,
    incomeIncreased: a.perCapitaIncomeAfterKopecks > c.perCapitaIncomeBeforeKopecks,
    conclusion: a.conclusion.trim(),
    decidedBy: a.by,
    decidedOn: a.today,
    dueDate: evaluationDueDate(c.endDate, a.params),
    meetingId: a.meetingId ?? null,
    figures: a.figures ?? null,
    departureReason: a.departureReason ?? null,
  };
}

/** Checkpoints every POST_MONITORING_CHECKPOINT_MONTHS over POST_MONITORING_MONTHS after the end. */
export function postMonitoringOf(endDate: IsoDate, params: RegionalParameters): PostMonitoring {
  const months = params.get('POST_MONITORING_MONTHS');
  const every = params.get('POST_MONITORING_CHECKPOINT_MONTHS');
  const checkpoints: MonitoringCheckpoint[] = [];
  for (let k = every, no = 1; k <= months; k += every, no++) checkpoints.push({ no, dueDate: addMonths(endDate, k) });
  return { startDate: addDays(endDate, 1), endDate: addMonths(endDate, months), checkpoints };
}

/** The checkpoint to record: it exists, is recorded once, and is dated inside monitoring and not in the future. */
export function checkpointToRecord(
  pm: PostMonitoring,
  no: number,
  doneOn: IsoDate,
  today: IsoDate,
): MonitoringCheckpoint {
  const cp = pm.checkpoints.find((x) => x.no === no);
  if (!cp)
    throw new ValidationError(
      'input.checkpointNo',
      'MUST_EXIST',
      `monitoring has checkpoints 1–${pm.checkpoints.length}`,
    );
  if (cp.doneOn) throw contractConflict('CHECKPOINT_DONE', `checkpoint ${no} was recorded on ${cp.doneOn}`, 'ONCE');
  parseIsoDate(doneOn, 'input.doneOn');
  if (doneOn > today)
    throw new ValidationError('input.doneOn', 'NOT_IN_FUTURE', 'a checkpoint cannot be dated in the future');
  if (doneOn < pm.startDate)
    throw new ValidationError('input.doneOn', 'DATE_ORDER', `monitoring starts on ${pm.startDate}`);
  return cp;
}

/** Closing during monitoring waits for its end or for every checkpoint. */
export function checkMonitoringFinished(pm: PostMonitoring, today: IsoDate): void {
  const open = pm.checkpoints.filter((x) => !x.doneOn);
  if (today >= pm.endDate || !open.length) return;
  throw contractConflict(
    'MONITORING_NOT_FINISHED',
    `post-contract monitoring runs until ${pm.endDate}; ${open.length} checkpoint(s) open`,
    'POST_MONITORING_12_MONTHS',
  );
}
