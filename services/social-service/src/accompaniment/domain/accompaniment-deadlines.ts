import type { IsoDate } from '@sc/kernel';
import type { AccompanimentCase, AccompanimentStatus } from './accompaniment-case';

/** Сроки 442-ФЗ of an accompaniment case (each computed when the case opened or the programme was issued). */
export type AccompanimentDeadlineKind = 'NEED_DECISION' | 'INDIVIDUAL_PROGRAMME' | 'PROGRAMME_REVISION';

/** Statuses in which a case still has deadlines: every open one. */
export const OPEN_ACCOMPANIMENT_STATUSES: readonly AccompanimentStatus[] = [
  'APPLIED',
  'NEED_RECOGNISED',
  'PROGRAMME_ISSUED',
  'ACTIVE',
  'REVISION',
];

/**
 * The deadlines that still bind the case: the decision on need (5 working
 * days) while it is undecided, the ИППСУ (10 working days) until it is issued,
 * and the programme's revision while the case is open.
 */
export function openDeadlines(a: AccompanimentCase): { kind: AccompanimentDeadlineKind; due: IsoDate }[] {
  const out: { kind: AccompanimentDeadlineKind; due: IsoDate }[] = [];
  if (a.status === 'APPLIED') out.push({ kind: 'NEED_DECISION', due: a.needDecisionDue });
  if (a.status === 'APPLIED' || a.status === 'NEED_RECOGNISED')
    out.push({ kind: 'INDIVIDUAL_PROGRAMME', due: a.programmeDue });
  if (a.individualProgramme && a.isOpen())
    out.push({ kind: 'PROGRAMME_REVISION', due: a.individualProgramme.revisionDue });
  return out;
}

/** Deadlines already missed on `today`. */
export const overdueDeadlines = (a: AccompanimentCase, today: IsoDate): AccompanimentDeadlineKind[] =>
  openDeadlines(a)
    .filter((d) => d.due < today)
    .map((d) => d.kind);

/** A deadline falls on or before `until` (overdue ones included). */
export const hasDeadlineBy = (a: AccompanimentCase, until: IsoDate): boolean =>
  openDeadlines(a).some((d) => d.due <= until);
