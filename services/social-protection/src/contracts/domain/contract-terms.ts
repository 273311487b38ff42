import type { EffectivenessFigures } from './effectiveness';
import { ConflictError, type IsoDate } from '@sc/kernel';

/** Уважительные причины продления (DOMAIN.md §3). */
export const EXTENSION_REASONS = [
  'ILLNESS_OVER_MONTH',
  'DEATH_IN_FAMILY',
  'FIRE_OR_DISASTER',
  'CARING_FOR_RELATIVE',
  'OTHER_VALID_REASON',
] as const;
export type ExtensionReason = (typeof EXTENSION_REASONS)[number];

/** Основания досрочного расторжения (DOMAIN.md §3; points 31–32 of the 1931 Rules are [U]). */
export const TERMINATION_GROUNDS = [
  'PSA_NOT_FULFILLED',
  'FALSE_INFORMATION',
  'MISUSE_OF_FUNDS',
  'OWN_REQUEST',
  'MOVED_OUT_OF_REGION',
  'DEATH',
  'NO_SUCCESSOR',
] as const;
export type TerminationGround = (typeof TERMINATION_GROUNDS)[number];
/** Grounds on which the money paid must be returned. */
export const REPAYMENT_GROUNDS: readonly TerminationGround[] = ['FALSE_INFORMATION', 'MISUSE_OF_FUNDS'];

export interface Employment {
  confirmedOn: IsoDate;
  employerInn: string;
  employerName?: string | null;
  position: string;
  wageKopecks: number;
  contractDate: IsoDate;
}

export interface Amendment {
  on: IsoDate;
  description: string;
  by: string;
}

export interface Extension {
  previousEndDate: IsoDate;
  newEndDate: IsoDate;
  reasonKind: ExtensionReason;
  reason: string;
  decidedBy: string;
  decidedOn: IsoDate;
}

export interface Termination {
  ground: TerminationGround;
  on: IsoDate;
  note?: string | null;
  by: string;
}

export interface Repayment {
  amountKopecks: number;
  dueDate: IsoDate;
  paidOn?: IsoDate | null;
  courtReferredOn?: IsoDate | null;
}

/** Заключение комиссии об эффективности (seed 000, step 7). */
export interface Evaluation {
  effective: boolean;
  perCapitaIncomeBeforeKopecks: number;
  perCapitaIncomeAfterKopecks: number;
  incomeIncreased: boolean;
  conclusion: string;
  decidedBy: string;
  decidedOn: IsoDate;
  dueDate: IsoDate;
  /** The МВК meeting whose minutes record the conclusion (none for conclusions made before that rule). */
  meetingId?: string | null;
  /** The figures the conclusion was computed from, and the computed result. */
  figures?: EffectivenessFigures | null;
  /** Why the commission decided otherwise than the figures; null when it followed them. */
  departureReason?: string | null;
}

export interface MonitoringCheckpoint {
  no: number;
  dueDate: IsoDate;
  doneOn?: IsoDate | null;
  format?: 'REMOTE' | 'VISIT' | null;
  perCapitaIncomeKopecks?: number | null;
  employed?: boolean | null;
  notes?: string | null;
  by?: string | null;
}

/** Мониторинг после окончания контракта (12 months, DOMAIN.md §2.1.11). */
export interface PostMonitoring {
  startDate: IsoDate;
  endDate: IsoDate;
  checkpoints: MonitoringCheckpoint[];
}

/** A CONFLICT that names the contract rule it enforces. */
export const contractConflict = (code: string, message: string, rule: string, extra: Record<string, unknown> = {}) =>
  new ConflictError(code, message, { rule, ...extra });
