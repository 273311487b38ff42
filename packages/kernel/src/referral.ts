import type { IsoDate } from './calendar-date';
import { defineParameter, type ParameterDefinition } from './regional-parameters';
import { transition, type TransitionTable } from './state-machine';

/**
 * Направление между ЦСПН, ЦЗН и КЦСОН (DOMAIN.md §4.4). Sender and receiver
 * use the same vocabulary; each keeps its own copy of the status.
 */
export const REFERRAL_STATUSES = [
  'CREATED',
  'SENT',
  'ACCEPTED',
  'RETURNED',
  'IN_SERVICE',
  'RESULT_SENT',
  'CLOSED',
  'EXPIRED',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export type ReferralEvent = 'send' | 'accept' | 'return' | 'citizenAppeared' | 'sendResult' | 'close' | 'expire';

export const REFERRAL_TRANSITIONS: TransitionTable<ReferralStatus, ReferralEvent> = {
  CREATED: { send: 'SENT' },
  SENT: { accept: 'ACCEPTED', return: 'RETURNED', expire: 'EXPIRED' },
  // Departure from DOMAIN.md §4.4 (SENT → RETURNED only): every receiver accepts on
  // receipt — the case opens without re-keying — so its review of the referral
  // (wrong addressee, incomplete) comes after, while the citizen has not appeared.
  ACCEPTED: { citizenAppeared: 'IN_SERVICE', expire: 'EXPIRED', return: 'RETURNED' },
  IN_SERVICE: { sendResult: 'RESULT_SENT' },
  RESULT_SENT: { close: 'CLOSED' },
};

export const nextReferralStatus = (from: ReferralStatus, event: ReferralEvent): ReferralStatus =>
  transition('Referral', REFERRAL_TRANSITIONS, from, event);

/** Statuses of a referral that still expects something to happen. */
export const OPEN_REFERRAL_STATUSES: readonly ReferralStatus[] = ['CREATED', 'SENT', 'ACCEPTED', 'IN_SERVICE'];
export const isReferralOpen = (s: ReferralStatus): boolean => OPEN_REFERRAL_STATUSES.includes(s);

export const REFERRAL_TYPES = [
  'FOR_CONTRACT',
  'FOR_EMPLOYMENT_SERVICES',
  'FOR_URGENT_AND_ACCOMPANIMENT',
  'CONTRACT_CONCLUDED_NOTICE_WITH_REQUEST',
] as const;
export type ReferralType = (typeof REFERRAL_TYPES)[number];

/** The referral types the agencies exchange with a lifecycle of their own (DOMAIN.md §4.4, seed 000). */
export const SLA_REFERRAL_TYPES = ['FOR_CONTRACT', 'FOR_EMPLOYMENT_SERVICES', 'FOR_URGENT_AND_ACCOMPANIMENT'] as const;
export type SlaReferralType = (typeof SLA_REFERRAL_TYPES)[number];

/**
 * The receiver's answer that ends its part (RESULT_SENT): what came of the referral.
 * FOR_CONTRACT: the decision on the application; FOR_EMPLOYMENT_SERVICES: the
 * individual plan agreed or the registration ended; FOR_URGENT_AND_ACCOMPANIMENT:
 * the urgent services provided (or refused).
 */
export const REFERRAL_OUTCOMES = [
  'CONTRACT_GRANTED',
  'REFUSED',
  'WITHDRAWN',
  'PLAN_AGREED',
  'EMPLOYED',
  'DEREGISTERED',
  'SERVICES_PROVIDED',
] as const;
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];

type Stage = 'ACCEPTANCE' | 'RESULT' | 'APPEARANCE';
export type ReferralDeadlineCode = `REFERRAL_${Stage}_WORKING_DAYS_${SlaReferralType}`;

const DEADLINE_DEFAULTS: Record<SlaReferralType, Record<Stage, number>> = {
  // The decision on an application is due in 10 days, 30 with an extra check (DOMAIN.md §5): 22 working days.
  FOR_CONTRACT: { ACCEPTANCE: 2, RESULT: 22, APPEARANCE: 10 },
  FOR_EMPLOYMENT_SERVICES: { ACCEPTANCE: 2, RESULT: 10, APPEARANCE: 10 },
  // Urgent services are immediate; the need decision is due in 5 working days (442-ФЗ).
  FOR_URGENT_AND_ACCOMPANIMENT: { ACCEPTANCE: 1, RESULT: 5, APPEARANCE: 5 },
};
const STAGE_TEXT: Record<Stage, string> = {
  ACCEPTANCE: 'срок принятия направления получателем (после — эскалация руководителю его офиса)',
  RESULT: 'срок результата по направлению от его отправки (после — эскалация руководителю офиса получателя)',
  APPEARANCE: 'срок явки гражданина по принятому направлению (после — направление истекает, EXPIRED)',
};
const TYPE_TEXT: Record<SlaReferralType, string> = {
  FOR_CONTRACT: 'направление в ЦСПН для заключения социального контракта (M4)',
  FOR_EMPLOYMENT_SERVICES: 'направление в ЦЗН для услуг по содействию занятости (M1)',
  FOR_URGENT_AND_ACCOMPANIMENT: 'направление в КЦСОН для срочных социальных услуг и сопровождения',
};

/** Referral SLAs between agencies (issue 13): per type, working days to accept, to answer, for the citizen to appear. */
export const REFERRAL_PARAMETER_DEFINITIONS = Object.fromEntries(
  SLA_REFERRAL_TYPES.flatMap((t) =>
    (['ACCEPTANCE', 'RESULT', 'APPEARANCE'] as const).map((s) => [
      `REFERRAL_${s}_WORKING_DAYS_${t}`,
      defineParameter(
        'WORKING_DAYS',
        DEADLINE_DEFAULTS[t][s],
        1,
        60,
        'U',
        `${STAGE_TEXT[s]}: ${TYPE_TEXT[t]}, рабочих дней`,
      ),
    ]),
  ),
) as Record<ReferralDeadlineCode, ParameterDefinition>;

export const isSlaReferralType = (t: string): t is SlaReferralType =>
  (SLA_REFERRAL_TYPES as readonly string[]).includes(t);

/** The deadlines of one referral, from the day it was sent, the parameters in force then and the region's calendar. */
export function referralDeadlines(
  type: SlaReferralType,
  sentOn: IsoDate,
  params: { get(code: ReferralDeadlineCode): number },
  calendar: { addWorkingDays(from: IsoDate, n: number): IsoDate },
): { acceptanceDueOn: IsoDate; resultDueOn: IsoDate; appearanceDueOn: IsoDate } {
  const due = (s: Stage) => calendar.addWorkingDays(sentOn, params.get(`REFERRAL_${s}_WORKING_DAYS_${type}`));
  return { acceptanceDueOn: due('ACCEPTANCE'), resultDueOn: due('RESULT'), appearanceDueOn: due('APPEARANCE') };
}
