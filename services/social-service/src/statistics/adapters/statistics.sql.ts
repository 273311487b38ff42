import { outgoingReferralStatSelects } from '@sc/subgraph-kit';

const monthOf = (date: string) => `to_char((${date})::date, 'YYYY-MM')`;

/**
 * What each КЦСОН row contributes to which indicator (the definitions the SDL
 * of `SocialServiceStatistics` documents), as SELECTs over the row `r`:
 * (month, territory, indicator, key, n, amount).
 */
export const SOCIAL_SERVICE_STAT_SOURCES: Record<string, string[]> = {
  urgent_service_case: [
    `select ${monthOf("d ->> 'deliveredOn'")}, r.territory, 'URGENT_DELIVERIES', d ->> 'serviceCode', 1::bigint, 0::bigint
       from jsonb_array_elements(r.deliveries) d`,
    `select stat_month(r.requested_at), r.territory, 'URGENT_CASES', r.channel, 1::bigint, 0::bigint`,
    `select stat_month(r.requested_at), r.territory, 'URGENT_ACTS',
            case when r.unsigned_reason is not null then 'UNSIGNED'
                 when r.status in ('ACT_SIGNED', 'CLOSED') then 'SIGNED'
                 else 'AWAITING_SIGNATURE' end,
            1::bigint, 0::bigint
      where r.status in ('PROVIDED', 'ACT_SIGNED', 'ACT_UNSIGNED', 'CLOSED')`,
  ],
  accompaniment_case: [
    `select ${monthOf('r.need_decided_on')}, r.territory, 'NEED_DECISIONS',
            case when r.need_decided_on <= r.need_decision_due then 'ON_TIME' else 'LATE' end, 1::bigint, 0::bigint
      where r.need_decided_on is not null`,
    `select ${monthOf("r.individual_programme ->> 'issuedOn'")}, r.territory, 'IPPSU_ISSUED',
            case when (r.individual_programme ->> 'issuedOn')::date <= r.programme_due then 'ON_TIME' else 'LATE' end,
            1::bigint, 0::bigint
      where r.individual_programme is not null`,
    `select ${monthOf('r.applied_on')}, r.territory, 'ACCOMPANIMENT_OPENED', r.programme, 1::bigint, 0::bigint`,
    `select ${monthOf('r.closed_on')}, r.territory, 'ACCOMPANIMENT_CLOSED', r.programme, 1::bigint, 0::bigint
      where r.closed_on is not null`,
    `select ${monthOf('r.closed_on')}, r.territory, 'ACCOMPANIMENT_CLOSURES', r.closure_reason, 1::bigint, 0::bigint
      where r.closed_on is not null and r.closure_reason is not null`,
  ],
  prevention_case: [
    `select ${monthOf('r.signal_on')}, r.territory, 'PREVENTION_CASES', r.status, 1::bigint, 0::bigint`,
  ],
  outgoing_referral: outgoingReferralStatSelects('SOCIAL_SERVICE'),
};
