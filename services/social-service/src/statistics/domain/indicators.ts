import { REFERRAL_FLOW_INDICATORS, type StatisticsCatalogue } from '@sc/kernel';

const PROGRAMMES = ['FAMILY_NAVIGATOR', 'FULCRUM', 'FAMILY_HELPER', 'SOCIAL_LIFT', 'NONE'];

/**
 * КЦСОН's indicators (issue 11): the field of `SocialServiceStatistics`, its
 * counter (written by `stat_<table>` in adapters/statistics.sql.ts) and the
 * keys of its breakdown; the SDL description of each field is its definition.
 * Prevention casework is counted only, never listed.
 */
export const SOCIAL_SERVICE_INDICATORS: StatisticsCatalogue = [
  { field: 'urgentServicesByCode', counter: 'URGENT_DELIVERIES' },
  {
    field: 'urgentCasesByChannel',
    counter: 'URGENT_CASES',
    keys: ['WRITTEN_APPLICATION', 'PHONE_CALL', 'ORGANISATION_NOTICE', 'SOCIAL_PROTECTION_REQUEST'],
  },
  { field: 'urgentActs', counter: 'URGENT_ACTS', keys: ['SIGNED', 'UNSIGNED', 'AWAITING_SIGNATURE'] },
  { field: 'needRecognitionsInTime', counter: 'NEED_DECISIONS', keys: ['ON_TIME', 'LATE'] },
  { field: 'individualProgrammesInTime', counter: 'IPPSU_ISSUED', keys: ['ON_TIME', 'LATE'] },
  { field: 'accompanimentOpened', counter: 'ACCOMPANIMENT_OPENED', keys: PROGRAMMES },
  {
    field: 'accompanimentActiveAtEnd',
    counter: 'ACCOMPANIMENT_OPENED',
    kind: 'STOCK',
    closedBy: 'ACCOMPANIMENT_CLOSED',
    keys: PROGRAMMES,
  },
  {
    field: 'accompanimentClosedByReason',
    counter: 'ACCOMPANIMENT_CLOSURES',
    keys: ['GOALS_MET', 'REFUSAL', 'DEATH', 'MOVED', 'CONTRACT_ENDED', 'NOT_RECOGNISED'],
  },
  {
    field: 'preventionCasesByStage',
    counter: 'PREVENTION_CASES',
    keys: [
      'SIGNAL_RECEIVED',
      'CHECKED',
      'CLOSED_NO_GROUNDS',
      'REGISTERED',
      'PROGRAMME_APPROVED',
      'IN_EXECUTION',
      'UNDER_REVIEW',
      'EXTENDED',
      'DEREGISTERED',
    ],
  },
  ...REFERRAL_FLOW_INDICATORS,
];
