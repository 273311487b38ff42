import type { AssignedActivity, PsaActivityKindValue } from '@sc/contracts';
import { transition, uuidv7, type IsoDate, type TransitionTable } from '@sc/kernel';

/** Вид мероприятия ПСА (shared with the partners through @sc/contracts). */
export type PsaActivityKind = PsaActivityKindValue;
export type ResponsibleAgency = 'SOCIAL_PROTECTION' | 'EMPLOYMENT' | 'SOCIAL_SERVICE' | 'OTHER';

/** Статус мероприятия ПСА (DOMAIN.md §4.3). */
export const PSA_ACTIVITY_STATUSES = [
  'PLANNED',
  'IN_PROGRESS',
  'REPORTED',
  'DONE',
  'OVERDUE',
  'RESCHEDULED',
  'FAILED',
] as const;
export type PsaActivityStatus = (typeof PSA_ACTIVITY_STATUSES)[number];

export type PsaActivityEvent =
  | 'start'
  | 'report'
  | 'verify'
  | 'rejectReport'
  | 'markOverdue'
  | 'reschedule'
  | 'resume'
  | 'fail'
  | 'confirmByPartner';

/**
 * A partner's confirmation (ЦЗН: training finished, employment; КЦСОН: a
 * service delivered with a signed act) is documentary proof, so it completes
 * the activity from any open state.
 */
export const PSA_ACTIVITY_TRANSITIONS: TransitionTable<PsaActivityStatus, PsaActivityEvent> = {
  PLANNED: { start: 'IN_PROGRESS', markOverdue: 'OVERDUE', confirmByPartner: 'DONE' },
  IN_PROGRESS: { report: 'REPORTED', markOverdue: 'OVERDUE', confirmByPartner: 'DONE' },
  REPORTED: { verify: 'DONE', rejectReport: 'IN_PROGRESS', confirmByPartner: 'DONE' },
  OVERDUE: { reschedule: 'RESCHEDULED', fail: 'FAILED', confirmByPartner: 'DONE' },
  RESCHEDULED: { resume: 'IN_PROGRESS', confirmByPartner: 'DONE' },
};

export interface ActivityHistoryEntry {
  on: IsoDate;
  event: PsaActivityEvent;
  status: PsaActivityStatus;
  by: string;
  note?: string | null;
}

/** Мероприятие ПСА. Kept inside its programme (and the contract's copy) as a value. */
export interface PsaActivity {
  id: string;
  kind: PsaActivityKind;
  description: string;
  responsibleAgency: ResponsibleAgency;
  /** e.g. «Мой бизнес», a training provider */
  responsibleOrganisation?: string | null;
  startDate: IsoDate;
  dueDate: IsoDate;
  costKopecks?: number | null;
  status: PsaActivityStatus;
  /** added as a standard item (financial literacy, registration with ЦЗН) */
  standard: boolean;
  completedOn?: IsoDate | null;
  history: ActivityHistoryEntry[];
}

const CLOSED: readonly PsaActivityStatus[] = ['DONE', 'FAILED'];
export const isActivityOpen = (a: PsaActivity): boolean => !CLOSED.includes(a.status);
export const isActivityOverdue = (a: PsaActivity, today: IsoDate): boolean =>
  isActivityOpen(a) && a.dueDate < today && a.status !== 'REPORTED';

export function applyActivityEvent(
  a: PsaActivity,
  event: PsaActivityEvent,
  on: IsoDate,
  by: string,
  note?: string | null,
): void {
  a.status = transition('PsaActivity', PSA_ACTIVITY_TRANSITIONS, a.status, event);
  if (a.status === 'DONE') a.completedOn = on;
  a.history.push({ on, event, status: a.status, by, note: note ?? null });
}

/** A past-due open activity enters OVERDUE before a specialist decides on it. */
function enterOverdue(a: PsaActivity, today: IsoDate, by: string): void {
  if (a.status !== 'OVERDUE' && isActivityOverdue(a, today)) applyActivityEvent(a, 'markOverdue', today, by);
}

/** Valid reason accepted (ЦСПН): a new due date, back in progress. */
export function rescheduleActivity(
  a: PsaActivity,
  newDueDate: IsoDate,
  reason: string,
  today: IsoDate,
  by: string,
): void {
  enterOverdue(a, today, by);
  applyActivityEvent(a, 'reschedule', today, by, reason);
  a.dueDate = newDueDate;
  applyActivityEvent(a, 'resume', today, by);
}

/** No valid reason: the activity failed (may ground an early termination). */
export function failActivity(a: PsaActivity, reason: string, today: IsoDate, by: string): void {
  enterOverdue(a, today, by);
  applyActivityEvent(a, 'fail', today, by, reason);
}

/** A partner started the activity (e.g. training started); no change when already under way. */
export function startByPartner(a: PsaActivity, on: IsoDate, by: string, note: string): boolean {
  if (a.status !== 'PLANNED') return false;
  applyActivityEvent(a, 'start', on, by, note);
  return true;
}

export function confirmByPartner(a: PsaActivity, on: IsoDate, by: string, note: string): boolean {
  if (!isActivityOpen(a)) return false;
  applyActivityEvent(a, 'confirmByPartner', on, by, note);
  return true;
}

/** What a partner receives of an activity in M2 / M5. */
export const assignedActivityOf = (a: PsaActivity): AssignedActivity => ({
  activityId: a.id,
  kind: a.kind,
  description: a.description,
  dueDate: a.dueDate,
});

/** An activity as the case worker enters it (the ПСА draft, an amendment). */
export interface ActivityInput {
  kind: PsaActivityKind;
  description: string;
  responsibleAgency: ResponsibleAgency;
  responsibleOrganisation?: string | null;
  startDate: IsoDate;
  dueDate: IsoDate;
  costKopecks?: number | null;
}

/** A new, planned activity from what was entered; `standard` marks the ones the ПСА always has. */
export const plannedActivity = (x: ActivityInput, now: Date, standard = false): PsaActivity => ({
  id: uuidv7(now.getTime()),
  kind: x.kind,
  description: x.description.trim(),
  responsibleAgency: x.responsibleAgency,
  responsibleOrganisation: x.responsibleOrganisation ?? null,
  startDate: x.startDate,
  dueDate: x.dueDate,
  costKopecks: x.costKopecks ?? null,
  status: 'PLANNED',
  standard,
  completedOn: null,
  history: [],
});
