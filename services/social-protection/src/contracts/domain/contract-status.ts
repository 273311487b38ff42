import { contractStatus, RUNNING_CONTRACT_STATUSES } from '@sc/contracts';
import { transition, type TransitionTable } from '@sc/kernel';

/** Статус социального контракта (DOMAIN.md §4.2): one vocabulary with the messages that announce it. */
export const CONTRACT_STATUSES = contractStatus.options;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

export type ContractEvent =
  | 'start'
  | 'amend'
  | 'review'
  | 'resolveReview'
  | 'extend'
  | 'endTerm'
  | 'evaluateEffective'
  | 'evaluateIneffective'
  | 'startPostMonitoring'
  | 'close'
  | 'terminate'
  | 'demandRepayment'
  | 'repaid'
  | 'referToCourt'
  | 'suspendForSuccession'
  | 'succeed';

/** EXTENDED is a running contract whose end moved; it is extended once, so it cannot `extend` again. */
const running = {
  amend: 'ACTIVE',
  review: 'UNDER_REVIEW',
  endTerm: 'ENDED',
  terminate: 'TERMINATED_EARLY',
  suspendForSuccession: 'SUCCESSION_PENDING',
} as const;

export const CONTRACT_TRANSITIONS: TransitionTable<ContractStatus, ContractEvent> = {
  SIGNED: { start: 'ACTIVE', terminate: 'TERMINATED_EARLY' },
  ACTIVE: { ...running, extend: 'EXTENDED' },
  EXTENDED: { ...running, amend: 'EXTENDED' },
  UNDER_REVIEW: { resolveReview: 'ACTIVE', terminate: 'TERMINATED_EARLY' },
  SUCCESSION_PENDING: { succeed: 'ACTIVE', terminate: 'TERMINATED_EARLY' },
  ENDED: { evaluateEffective: 'EVALUATED_EFFECTIVE', evaluateIneffective: 'EVALUATED_INEFFECTIVE' },
  EVALUATED_EFFECTIVE: { startPostMonitoring: 'POST_MONITORING' },
  EVALUATED_INEFFECTIVE: { startPostMonitoring: 'POST_MONITORING' },
  POST_MONITORING: { close: 'CLOSED' },
  TERMINATED_EARLY: { demandRepayment: 'REPAYMENT_DUE', close: 'CLOSED' },
  REPAYMENT_DUE: { repaid: 'CLOSED', referToCourt: 'COURT_RECOVERY' },
  COURT_RECOVERY: { close: 'CLOSED' },
};

export const nextContractStatus = (from: ContractStatus, e: ContractEvent): ContractStatus =>
  transition('SocialContract', CONTRACT_TRANSITIONS, from, e);

/** States in which the citizen carries out the programme: reports, visits and payments run. */
export const RUNNING_STATUSES: readonly ContractStatus[] = RUNNING_CONTRACT_STATUSES;
