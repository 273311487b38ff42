/** The contribution SELECTs of an `outgoing_referral` row (see statisticsSourceSql) for a sender agency. */
export const outgoingReferralStatSelects = (sender: string): string[] => {
  const pair = `'${sender}>' || r.to_agency || ':' || r.type`;
  return [
    `select stat_month(r.sent_at), r.territory, 'REFERRALS_SENT', ${pair}, 1::bigint, 0::bigint`,
    `select stat_month(r.sent_at), r.territory, 'REFERRAL_OUTCOMES', ${pair} || ':' || r.status, 1::bigint, 0::bigint`,
    // Accepted (whatever happened after): whole days from sending to the receiver's acceptance.
    `select stat_month(r.sent_at), r.territory, 'REFERRAL_DAYS_TO_ACCEPT',
            ${pair} || '#' || ((r.responded_at at time zone 'UTC')::date - (r.sent_at at time zone 'UTC')::date),
            1::bigint, 0::bigint
       where r.responded_at is not null and r.status not in ('RETURNED', 'SENT', 'CREATED')`,
  ];
};
