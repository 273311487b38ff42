/** A date-valued JSON field as a month (`null` when absent). */
const monthOfJson = (expr: string) => `to_char((${expr})::date, 'YYYY-MM')`;
const utcDate = (col: string) => `(${col} at time zone 'UTC')::date`;

/**
 * What each ЦСПН row contributes to which indicator (the definitions the SDL
 * of `SocialProtectionStatistics` documents), as SELECTs over the row `r`:
 * (month, territory, indicator, key, n, amount).
 */
export const SOCIAL_PROTECTION_STAT_SOURCES: Record<string, string[]> = {
  sc_application: [
    `select stat_month(r.submitted_at), r.territory, 'APPLICATIONS', r.channel, 1::bigint, 0::bigint`,
    `select stat_month(r.submitted_at), r.territory, 'APPLICATION_OUTCOMES',
            case when r.status in ('CONTRACTED', 'REJECTED', 'WITHDRAWN') then r.status else 'IN_PROGRESS' end,
            1::bigint, 0::bigint`,
    `select stat_month(r.decided_at), r.territory, 'DECISIONS',
            case when r.extra_check_due_date is null then 'DAYS_10_' else 'DAYS_30_' end ||
            case when ${utcDate('r.decided_at')} <= coalesce(r.extra_check_due_date, r.decision_due_date)
                 then 'ON_TIME' else 'LATE' end,
            1::bigint, 0::bigint
      where r.decided_at is not null and r.decision_due_date is not null`,
    `select stat_month(r.decided_at), r.territory, 'REJECTIONS',
            case when (r.means_test ->> 'eligible') = 'false' then 'INCOME_NOT_BELOW_PM'
                 when r.home_survey is not null then 'COMMISSION_REFUSED'
                 else 'EXTRA_CHECK_NEGATIVE' end,
            1::bigint, 0::bigint
      where r.status = 'REJECTED'`,
  ],
  social_contract: [
    `select to_char(r.signed_on, 'YYYY-MM'), r.territory, 'CONTRACTS_CONCLUDED', r.direction, 1::bigint, 0::bigint`,
    // Stops being in force the day after its (extended) end date, or on early termination.
    `select to_char(least(r.end_date + 1, (r.termination ->> 'on')::date), 'YYYY-MM'), r.territory,
            'CONTRACTS_STOPPED', r.direction, 1::bigint, 0::bigint`,
    `select ${monthOfJson("p ->> 'paidOn'")}, r.territory, 'PAYMENTS_PAID', r.direction || ':' || (p ->> 'kind'),
            1::bigint, (p ->> 'amountKopecks')::bigint
       from jsonb_array_elements(r.payments) p where p ->> 'status' = 'PAID'`,
    `select ${monthOfJson("r.extension ->> 'decidedOn'")}, r.territory, 'EXTENSIONS', r.extension ->> 'reasonKind',
            1::bigint, 0::bigint where r.extension is not null`,
    `select ${monthOfJson("r.termination ->> 'on'")}, r.territory, 'TERMINATIONS', r.termination ->> 'ground',
            1::bigint, 0::bigint where r.termination is not null`,
    `select ${monthOfJson("r.repayment ->> 'dueDate'")}, r.territory, 'REPAYMENTS', 'DUE',
            1::bigint, (r.repayment ->> 'amountKopecks')::bigint where r.repayment is not null`,
    `select ${monthOfJson("r.repayment ->> 'paidOn'")}, r.territory, 'REPAYMENTS', 'REPAID',
            1::bigint, (r.repayment ->> 'amountKopecks')::bigint where r.repayment ->> 'paidOn' is not null`,
    `select ${monthOfJson("r.repayment ->> 'courtReferredOn'")}, r.territory, 'REPAYMENTS', 'COURT',
            1::bigint, (r.repayment ->> 'amountKopecks')::bigint where r.repayment ->> 'courtReferredOn' is not null`,
    `select ${monthOfJson("r.evaluation ->> 'decidedOn'")}, r.territory, 'EVALUATIONS', r.direction,
            1::bigint, 0::bigint where r.evaluation is not null`,
    `select ${monthOfJson("r.evaluation ->> 'decidedOn'")}, r.territory, 'EVALUATIONS_EFFECTIVE', r.direction,
            1::bigint, 0::bigint where (r.evaluation ->> 'effective') = 'true'`,
    `select ${monthOfJson("r.evaluation ->> 'decidedOn'")}, r.territory, 'INCOME_BEFORE', r.direction,
            1::bigint, (r.evaluation ->> 'perCapitaIncomeBeforeKopecks')::bigint where r.evaluation is not null`,
    `select ${monthOfJson("r.evaluation ->> 'decidedOn'")}, r.territory, 'INCOME_AFTER', r.direction,
            1::bigint, (r.evaluation ->> 'perCapitaIncomeAfterKopecks')::bigint where r.evaluation is not null`,
    `select ${monthOfJson("c ->> 'doneOn'")}, r.territory, 'CHECKPOINTS_DONE', coalesce(c ->> 'format', 'VISIT'),
            1::bigint, 0::bigint
       from jsonb_array_elements(coalesce(r.post_monitoring -> 'checkpoints', '[]'::jsonb)) c
      where c ->> 'doneOn' is not null`,
  ],
  commission_meeting: [
    `select to_char(r.meeting_date, 'YYYY-MM'), r.territory, 'COMMISSION_MEETINGS', r.status, 1::bigint, 0::bigint`,
    `select stat_month((d ->> 'decidedAt')::timestamptz), r.territory, 'COMMISSION_DECISIONS', d ->> 'decision',
            1::bigint, 0::bigint
       from jsonb_array_elements(r.decisions) d`,
  ],
  incoming_referral: [
    `select stat_month(r.received_at), r.territory, 'REFERRALS_RECEIVED', r.from_agency || ':' || r.status,
            1::bigint, 0::bigint`,
  ],
};
