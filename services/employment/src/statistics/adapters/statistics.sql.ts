import { outgoingReferralStatSelects } from '@sc/subgraph-kit';

const monthOf = (date: string) => `to_char((${date})::date, 'YYYY-MM')`;

/**
 * What each ЦЗН row contributes to which indicator (the definitions the SDL
 * of `EmploymentStatistics` documents), as SELECTs over the row `r`:
 * (month, territory, indicator, key, n, amount).
 */
export const EMPLOYMENT_STAT_SOURCES: Record<string, string[]> = {
  job_seeker_registration: [
    `select ${monthOf('r.registered_on')}, r.territory, 'REGISTRATIONS', r.channel, 1::bigint, 0::bigint`,
    `select ${monthOf("r.employment ->> 'contractDate'")}, r.territory, 'EMPLOYED',
            case when r.category is not null then 'CONTRACT_HOLDER' else 'OTHER' end, 1::bigint, 0::bigint
      where r.status = 'EMPLOYED' and r.employment is not null`,
    `select ${monthOf('r.next_profiling_due')}, r.territory, 'REPROFILING_DUE', r.status, 1::bigint, 0::bigint
      where r.status in ('JOB_SEEKER', 'UNEMPLOYED') and r.next_profiling_due is not null`,
  ],
  contract_support: [
    `select stat_month(r.received_at), r.territory, 'CONTRACT_SUPPORT_OPENED', r.direction, 1::bigint, 0::bigint`,
    `select ${monthOf('r.end_date + 1')}, r.territory, 'CONTRACT_SUPPORT_ENDED', r.direction, 1::bigint, 0::bigint`,
    `select ${monthOf("s ->> 'deliveredOn'")}, r.territory, 'SERVICES_DELIVERED', s ->> 'kind', 1::bigint, 0::bigint
       from jsonb_array_elements(r.services) s where s ->> 'status' = 'DELIVERED'`,
  ],
  training_referral: [
    `select ${monthOf('r.referred_on')}, r.territory, 'TRAININGS', 'REFERRED', 1::bigint, 0::bigint`,
    `select ${monthOf('r.started_on')}, r.territory, 'TRAININGS', 'STARTED', 1::bigint, 0::bigint
      where r.started_on is not null`,
    `select ${monthOf('r.finished_on')}, r.territory, 'TRAININGS', r.status, 1::bigint, 0::bigint
      where r.finished_on is not null and r.status in ('COMPLETED', 'DROPPED_OUT')`,
  ],
  incoming_employment_referral: [
    `select stat_month(r.received_at), r.territory, 'REFERRALS_RECEIVED',
            case when r.registration_id is not null then 'REGISTERED' else 'WAITING' end, 1::bigint, 0::bigint`,
  ],
  outgoing_referral: outgoingReferralStatSelects('EMPLOYMENT'),
};
