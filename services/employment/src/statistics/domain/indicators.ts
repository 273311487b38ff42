import { REFERRAL_FLOW_INDICATORS, type StatisticsCatalogue } from '@sc/kernel';
import { CONTRACT_SERVICES } from '../../contract-support/domain/contract-support';

const DIRECTIONS = ['JOB_SEARCH', 'BUSINESS', 'SUBSIDIARY_FARM', 'HARDSHIP'];

/**
 * ЦЗН's indicators (issue 11): the field of `EmploymentStatistics`, its
 * counter (written by `stat_<table>` in adapters/statistics.sql.ts) and the
 * keys of its breakdown; the SDL description of each field is its definition.
 */
export const EMPLOYMENT_INDICATORS: StatisticsCatalogue = [
  {
    field: 'registrationsByChannel',
    counter: 'REGISTRATIONS',
    keys: ['WALK_IN', 'WORK_IN_RUSSIA', 'EPGU', 'REFERRAL_FROM_SOCIAL_PROTECTION'],
  },
  { field: 'contractHoldersTaken', counter: 'CONTRACT_SUPPORT_OPENED', keys: DIRECTIONS },
  {
    field: 'contractHoldersServedAtEnd',
    counter: 'CONTRACT_SUPPORT_OPENED',
    kind: 'STOCK',
    closedBy: 'CONTRACT_SUPPORT_ENDED',
    keys: DIRECTIONS,
  },
  { field: 'servicesDelivered', counter: 'SERVICES_DELIVERED', keys: CONTRACT_SERVICES },
  { field: 'trainings', counter: 'TRAININGS', keys: ['REFERRED', 'STARTED', 'COMPLETED', 'DROPPED_OUT'] },
  { field: 'employed', counter: 'EMPLOYED', keys: ['CONTRACT_HOLDER', 'OTHER'] },
  { field: 'reprofilingDue', counter: 'REPROFILING_DUE', keys: ['JOB_SEEKER', 'UNEMPLOYED'] },
  { field: 'referralsReceived', counter: 'REFERRALS_RECEIVED', keys: ['REGISTERED', 'WAITING'] },
  ...REFERRAL_FLOW_INDICATORS,
];
