/**
 * One indicator an agency owns. FLOW: the rows counted in each month of the
 * period, summed. STOCK: the cases open at the end of the period's last
 * month (openings minus closings up to then). HISTOGRAM: counted like a flow,
 * each row keyed `KEY#days`, giving the median and p90 of the days per key.
 */
export interface IndicatorDefinition {
  /** The GraphQL field of the agency's statistics type. */
  field: string;
  /** The indicator code in `stat_counter` (for a STOCK: its openings; `closedBy` its closings). */
  counter: string;
  kind?: 'FLOW' | 'STOCK' | 'HISTOGRAM';
  closedBy?: string;
  /** Keys always listed, zeros included, in this order (others found in the data follow, sorted). */
  keys?: readonly string[];
  /** Whether `amount` is money (kopecks): the sum and the mean per case are given. */
  money?: boolean;
}

/** An agency's indicators, in the order its statistics type lists them. */
export type StatisticsCatalogue = readonly IndicatorDefinition[];

/**
 * Направления между ведомствами (issue 11, "across agencies"), counted by the
 * sender from its own outgoing referrals, by the month the referral was sent.
 * Keys: `SENDER>RECEIVER:TYPE` (and `:STATUS` for outcomes).
 */
export const REFERRAL_FLOW_INDICATORS: StatisticsCatalogue = [
  { field: 'referralsSent', counter: 'REFERRALS_SENT' },
  { field: 'referralOutcomes', counter: 'REFERRAL_OUTCOMES' },
  { field: 'daysToAcceptance', counter: 'REFERRAL_DAYS_TO_ACCEPT', kind: 'HISTOGRAM' },
];
