import {
  addDays,
  addMonthsToMonth,
  daysBetween,
  dateOf,
  monthOf,
  monthsBetween,
  OutgoingReferral,
  parseIsoMonth,
  ValidationError,
  type Agency,
  type IsoDate,
  type ReferralDueDates,
} from '@sc/kernel';
import type { Read } from './read';
import { dueDatesOf, type ReferralDeadlineParameters } from './referral-sla';
import { loadWorkingCalendar } from './working-calendar.store';

export interface ReferralSlaRow {
  /** `SENDER>RECEIVER:TYPE`, as the statistics' referral flows name it. */
  pair: string;
  fromAgency: Agency;
  toAgency: string;
  referralType: string;
  /** The month the referrals were sent in (the region's calendar). */
  period: string;
  sent: number;
  accepted: number;
  acceptedOnTime: number;
  /** Of the referrals whose acceptance deadline has come (or that were accepted), the share accepted in time. */
  onTimeShare: number | null;
  medianDaysToAcceptance: number | null;
  p90DaysToAcceptance: number | null;
  returned: number;
  expired: number;
  /** With the receiver's result. */
  resulted: number;
  resultOnTime: number;
  /** Of the referrals whose result deadline has come (or that have a result), the share answered in time. */
  resultOnTimeShare: number | null;
  medianDaysToResult: number | null;
  p90DaysToResult: number | null;
  /** Open and past a deadline: still SENT after the acceptance deadline, or without a result after the result deadline. */
  openBreaches: number;
  openResultBreaches: number;
}

const MAX_MONTHS = 24;

/**
 * The SLA board of the referrals this agency sent: per receiver and type
 * and per month sent — accepted, in time (the acceptance deadline), median
 * and p90 calendar days to acceptance; results, in time (the result
 * deadline), median and p90 days to the result; returned, expired, and the
 * breaches still open. Each referral's deadlines are those fixed when it was
 * sent (REFERRAL_*_WORKING_DAYS_<type>). Within the caller's territory. No
 * personal data.
 */
export const referralSlaBoard =
  (a: { from: string; to: string; agency: Agency; parameters: ReferralDeadlineParameters }): Read<ReferralSlaRow[]> =>
  async ({ em, today, inTerritory, deps }) => {
    const from = parseIsoMonth(a.from, 'from');
    const to = parseIsoMonth(a.to, 'to');
    if (from > to) throw new ValidationError('to', 'PERIOD_ORDER', 'must not precede `from`');
    if (monthsBetween(from, to).length > MAX_MONTHS)
      throw new ValidationError('to', 'PERIOD_TOO_LONG', `at most ${MAX_MONTHS} months at once`);
    const [params, calendar] = await Promise.all([
      a.parameters(em, deps.config.region, today),
      loadWorkingCalendar(em),
    ]);
    // A day's margin either side: the months are the region's, the column is an instant.
    const sent = await em.find(OutgoingReferral, {
      ...inTerritory,
      sentAt: {
        $gte: new Date(`${addDays(`${from}-01`, -1)}T00:00:00Z`),
        $lt: new Date(`${addMonthsToMonth(to, 1)}-02T00:00:00Z`),
      },
    });
    const groups = new Map<string, OutgoingReferral[]>();
    for (const r of sent) {
      const period = monthOf(dateOf(r.sentAt));
      if (period < from || period > to) continue;
      const key = `${r.toAgency}|${r.type}|${period}`;
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    const rows = [...groups.entries()].map(([key, rs]) => {
      const [toAgency, type, period] = key.split('|') as [string, string, string];
      return {
        pair: `${a.agency}>${toAgency}:${type}`,
        fromAgency: a.agency,
        toAgency,
        referralType: type,
        period,
        ...measure(rs, today, (r) => dueDatesOf(r, params, calendar)),
      };
    });
    return rows.sort((x, y) => x.pair.localeCompare(y.pair) || x.period.localeCompare(y.period));
  };

type Measures = Omit<ReferralSlaRow, 'pair' | 'fromAgency' | 'toAgency' | 'referralType' | 'period'>;

function measure(rs: OutgoingReferral[], today: IsoDate, dueOf: (r: OutgoingReferral) => ReferralDueDates): Measures {
  // Each referral's due dates once (a referral sent before they were kept computes them).
  const dues = new Map(rs.map((r) => [r, dueOf(r)]));
  const due = (r: OutgoingReferral) => dues.get(r)!;
  const sentOn = (r: OutgoingReferral) => dateOf(r.sentAt);
  const isDue = (d: IsoDate | null | undefined) => Boolean(d && d < today);
  const inTime = (at: Date, d: IsoDate | null | undefined) => !d || dateOf(at) <= d;
  // Accepted (whatever came after, a return included): the receiver answered.
  const accepted = rs.filter((r) => r.respondedAt && (r.status !== 'RETURNED' || r.receiverCaseId));
  const onTime = accepted.filter((r) => inTime(r.respondedAt!, due(r).acceptanceDueOn));
  const answered = new Set(accepted);
  const cameDue = rs.filter((r) => answered.has(r) || isDue(due(r).acceptanceDueOn));
  const resulted = rs.filter((r) => r.resultAt);
  const resultOnTime = resulted.filter((r) => inTime(r.resultAt!, due(r).resultDueOn));
  const resultDue = rs.filter((r) => r.resultAt || (isDue(due(r).resultDueOn) && r.status !== 'RETURNED'));
  const days = (xs: OutgoingReferral[], at: (r: OutgoingReferral) => Date) =>
    xs.map((r) => daysBetween(sentOn(r), dateOf(at(r)))).sort((x, y) => x - y);
  const toAcceptance = days(accepted, (r) => r.respondedAt!);
  const toResult = days(resulted, (r) => r.resultAt!);
  const breaches = rs.map((r) => r.breachOn(today, due(r)));
  return {
    sent: rs.length,
    accepted: accepted.length,
    acceptedOnTime: onTime.length,
    onTimeShare: cameDue.length ? onTime.length / cameDue.length : null,
    medianDaysToAcceptance: quantile(toAcceptance, 0.5),
    p90DaysToAcceptance: quantile(toAcceptance, 0.9),
    returned: rs.filter((r) => r.status === 'RETURNED').length,
    expired: rs.filter((r) => r.status === 'EXPIRED').length,
    resulted: resulted.length,
    resultOnTime: resultOnTime.length,
    resultOnTimeShare: resultDue.length ? resultOnTime.length / resultDue.length : null,
    medianDaysToResult: quantile(toResult, 0.5),
    p90DaysToResult: quantile(toResult, 0.9),
    openBreaches: breaches.filter((b) => b === 'ACCEPTANCE').length,
    openResultBreaches: breaches.filter((b) => b === 'RESULT').length,
  };
}

/** The nearest-rank quantile of sorted whole days (null for none). */
function quantile(sorted: number[], q: number): number | null {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}
