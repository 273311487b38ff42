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
  ACCEPTED: { citizenAppeared: 'IN_SERVICE', expire: 'EXPIRED' },
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
