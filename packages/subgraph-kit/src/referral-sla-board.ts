import type { EntityManager } from '@mikro-orm/core';
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
} from '@sc/kernel';
import type { Read } from './read';
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
  /** Still SENT after their acceptance deadline. */
  openBreaches: number;
}

const MAX_MONTHS = 24;

/**
 * The SLA board of the referrals this agency sent: per receiver and type
 * and per month sent, how many were accepted, how many in time (the
 * receiver's acceptance deadline, REFERRAL_ACCEPTANCE_WORKING_DAYS working
 * days), median and p90 calendar days to acceptance, and the breaches still
 * open. Within the caller's territory. No personal data.
 */
export const referralSlaBoard =
  (a: {
    from: string;
    to: string;
    agency: Agency;
    /** The receiver's acceptance deadline in working days (REFERRAL_ACCEPTANCE_WORKING_DAYS in force today). */
    acceptanceDays: (em: EntityManager, region: string, today: IsoDate) => Promise<number>;
  }): Read<ReferralSlaRow[]> =>
  async ({ em, today, inTerritory, deps }) => {
    const from = parseIsoMonth(a.from, 'from');
    const to = parseIsoMonth(a.to, 'to');
    if (from > to) throw new ValidationError('to', 'PERIOD_ORDER', 'must not precede `from`');
    if (monthsBetween(from, to).length > MAX_MONTHS)
      throw new ValidationError('to', 'PERIOD_TOO_LONG', `at most ${MAX_MONTHS} months at once`);
    const [acceptanceDays, calendar] = await Promise.all([
      a.acceptanceDays(em, deps.config.region, today),
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
      const due = (r: OutgoingReferral): IsoDate => calendar.addWorkingDays(dateOf(r.sentAt), acceptanceDays);
      const accepted = rs.filter((r) => r.respondedAt && r.status !== 'RETURNED');
      const onTime = accepted.filter((r) => dateOf(r.respondedAt!) <= due(r));
      const cameDue = rs.filter((r) => accepted.includes(r) || due(r) < today);
      const days = accepted.map((r) => daysBetween(dateOf(r.sentAt), dateOf(r.respondedAt!))).sort((x, y) => x - y);
      return {
        pair: `${a.agency}>${toAgency}:${type}`,
        fromAgency: a.agency,
        toAgency,
        referralType: type,
        period,
        sent: rs.length,
        accepted: accepted.length,
        acceptedOnTime: onTime.length,
        onTimeShare: cameDue.length ? onTime.length / cameDue.length : null,
        medianDaysToAcceptance: quantile(days, 0.5),
        p90DaysToAcceptance: quantile(days, 0.9),
        openBreaches: rs.filter((r) => r.status === 'SENT' && due(r) < today).length,
      };
    });
    return rows.sort((x, y) => x.pair.localeCompare(y.pair) || x.period.localeCompare(y.period));
  };

/** The nearest-rank quantile of sorted whole days (null for none). */
function quantile(sorted: number[], q: number): number | null {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}
