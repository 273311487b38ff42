import type { StatisticsCatalogue } from '@sc/kernel';
import { COMMISSION_DECISIONS } from '../../commission/domain/commission-meeting';
import { EXTENSION_REASONS, TERMINATION_GROUNDS } from '../../contracts/domain/contract-terms';
import { SC_DIRECTIONS } from '../../programmes/domain/sc-direction';

/** Каналы подачи заявления (DOMAIN.md §2.1 step 1). */
export const CHANNELS = ['IN_PERSON', 'EPGU', 'MFC', 'REFERRAL_FROM_EMPLOYMENT', 'REFERRAL_FROM_SOCIAL_SERVICE'];

/** Основания отказа, as the statistics tell them apart (the reason itself is the worker's text). */
export const REJECTION_KINDS = ['INCOME_NOT_BELOW_PM', 'EXTRA_CHECK_NEGATIVE', 'COMMISSION_REFUSED'];

const paymentKeys = SC_DIRECTIONS.flatMap((d) => ['MONTHLY', 'LUMP_SUM', 'TRAINING'].map((k) => `${d}:${k}`));

/**
 * ЦСПН's indicators (issue 11): the field of `SocialProtectionStatistics`,
 * its counter in `stat_counter` (written by `stat_<table>` in
 * adapters/statistics.sql.ts) and the keys of its breakdown. The exact
 * definition of each is the SDL description of its field.
 */
export const SOCIAL_PROTECTION_INDICATORS: StatisticsCatalogue = [
  { field: 'applicationsByChannel', counter: 'APPLICATIONS', keys: CHANNELS },
  {
    field: 'applicationOutcomes',
    counter: 'APPLICATION_OUTCOMES',
    keys: ['IN_PROGRESS', 'CONTRACTED', 'REJECTED', 'WITHDRAWN'],
  },
  {
    field: 'decisionsInTime',
    counter: 'DECISIONS',
    keys: ['DAYS_10_ON_TIME', 'DAYS_10_LATE', 'DAYS_30_ON_TIME', 'DAYS_30_LATE'],
  },
  { field: 'rejectionsByReason', counter: 'REJECTIONS', keys: REJECTION_KINDS },
  { field: 'contractsConcluded', counter: 'CONTRACTS_CONCLUDED', keys: SC_DIRECTIONS },
  {
    field: 'activeContractsAtEnd',
    counter: 'CONTRACTS_CONCLUDED',
    kind: 'STOCK',
    closedBy: 'CONTRACTS_STOPPED',
    keys: SC_DIRECTIONS,
  },
  { field: 'paymentsMade', counter: 'PAYMENTS_PAID', keys: paymentKeys, money: true },
  { field: 'extensions', counter: 'EXTENSIONS', keys: EXTENSION_REASONS },
  { field: 'terminationsByGround', counter: 'TERMINATIONS', keys: TERMINATION_GROUNDS },
  { field: 'repayments', counter: 'REPAYMENTS', keys: ['DUE', 'REPAID', 'COURT'], money: true },
  { field: 'effectivenessConclusions', counter: 'EVALUATIONS', keys: SC_DIRECTIONS },
  { field: 'effectiveConclusions', counter: 'EVALUATIONS_EFFECTIVE', keys: SC_DIRECTIONS },
  { field: 'incomeBefore', counter: 'INCOME_BEFORE', keys: SC_DIRECTIONS, money: true },
  { field: 'incomeAfter', counter: 'INCOME_AFTER', keys: SC_DIRECTIONS, money: true },
  { field: 'monitoringCheckpointsPassed', counter: 'CHECKPOINTS_DONE', keys: ['REMOTE', 'VISIT'] },
  { field: 'commissionMeetings', counter: 'COMMISSION_MEETINGS', keys: ['SCHEDULED', 'HELD'] },
  { field: 'commissionDecisions', counter: 'COMMISSION_DECISIONS', keys: COMMISSION_DECISIONS },
  { field: 'referralsReceived', counter: 'REFERRALS_RECEIVED' },
];
