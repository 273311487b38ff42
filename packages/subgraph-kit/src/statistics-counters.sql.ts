import type { EntityManager } from '@mikro-orm/core';
import { execInTx } from '@sc/messaging';
/**
 * Live statistics without a warehouse (issue 11). Each source table of a
 * service has one SQL function, `stat_<table>(row)`, that says what the row
 * contributes to which indicator: (month, territory, indicator, key, n,
 * amount). A row trigger adds the new row's contributions and subtracts the
 * old row's in the same transaction as the change, so the counters are exact
 * and live; an update that changes no contribution writes nothing. The same
 * function over the whole table is the plain GROUP BY the counters are
 * checked against and the backfill of a new indicator.
 */

/** The counters: one row per month, case territory, indicator and key (a channel, a direction, a ground …). */
export const STAT_COUNTER_TABLE_SQL = [
  `create table stat_counter (
     month char(7) not null,
     territory char(8) not null,
     indicator text not null,
     key text not null,
     n bigint not null,
     amount bigint not null,
     primary key (month, territory, indicator, key)
   )`,
  // The month a moment belongs to: V1 on the UTC calendar; STAT_MONTH_REGION_SQL moves it to the region's.
  `create or replace function stat_month(t timestamptz) returns char(7) language sql immutable as
     $$ select to_char(t at time zone 'UTC', 'YYYY-MM') $$`,
];

/**
 * V2 (issue 13): the month of a moment on the region's calendar, like every
 * date of the domain (kernel `dateOf`). The zone is the service's
 * REGION_TIME_ZONE, kept in `region_clock` by `useRegionMonths` at start —
 * which recounts the counters whenever it changes, since a counter must be
 * taken off the month it was added to.
 */
export const STAT_MONTH_REGION_SQL: readonly string[] = [
  `create table region_clock (id boolean primary key default true check (id), time_zone text not null)`,
  `insert into region_clock (time_zone) values ('UTC')`,
  `create or replace function stat_month(t timestamptz) returns char(7) language sql stable as
     $$ select to_char(t at time zone (select time_zone from region_clock), 'YYYY-MM') $$`,
];

/**
 * At start: the statistics' months follow the service's region zone. When
 * the zone differs from the one kept (the first start after the migration, a
 * changed REGION_TIME_ZONE), every counter is recounted from its sources in
 * the same transaction, with `stat_counter` locked so no change commits
 * between; replicas starting together queue on the `region_clock` row.
 */
export async function useRegionMonths(
  em: EntityManager,
  timeZone: string,
): Promise<{ recounted: boolean; tables: string[] }> {
  return em.transactional(async (tx) => {
    const [kept] = await execInTx<{ time_zone: string }[]>(tx, 'select time_zone from region_clock for update');
    if (kept?.time_zone === timeZone) return { recounted: false, tables: [] };
    const tables = (
      await execInTx<{ t: string }[]>(
        tx,
        `select c.relname as t from pg_trigger g join pg_class c on c.oid = g.tgrelid
          where g.tgname = 'stat_' || c.relname order by 1`,
      )
    ).map((r) => r.t);
    await execInTx(tx, 'lock table stat_counter in exclusive mode', [], 'run');
    await execInTx(tx, 'update region_clock set time_zone = ?', [timeZone], 'run');
    for (const sql of recountSql(tables)) await execInTx(tx, sql, [], 'run');
    return { recounted: true, tables };
  });
}

/** What a contribution function returns; `stat_<table>(r <table>) returns setof stat_contribution`. */
export const STAT_CONTRIBUTION_TYPE_SQL = `create type stat_contribution as (
  month char(7), territory char(8), indicator text, key text, n bigint, amount bigint)`;

/**
 * The contribution function of a table and its trigger. `selects` are
 * SELECTs over the row `r` yielding (month, territory, indicator, key, n,
 * amount); rows with a null month or territory count nowhere.
 */
export function statisticsSourceSql(table: string, selects: readonly string[]): string[] {
  const fn = `stat_${table}`;
  return [
    // plpgsql, not an inlinable SQL function: PostgreSQL 16's planner fails ("variable not found in
    // subplan target list") on an inlined set-returning function of a UNION ALL under a LATERAL join.
    `create or replace function ${fn}(r ${table}) returns setof stat_contribution language plpgsql stable as $$
     begin
       return query
       select c.month::char(7), c.territory::char(8), c.indicator::text, c.key::text, c.n::bigint, c.amount::bigint
         from (${selects.join('\n union all ')}) c (month, territory, indicator, key, n, amount)
        where c.month is not null and c.territory is not null;
     end $$`,
    `create or replace function ${fn}_trigger() returns trigger language plpgsql as $$
     begin
       insert into stat_counter as s (month, territory, indicator, key, n, amount)
       select month, territory, indicator, key, sum(n), sum(amount) from (
         select * from ${fn}(new) -- null on DELETE: contributes nothing
         union all
         select month, territory, indicator, key, -n, -amount from ${fn}(old) -- null on INSERT
       ) d
       group by month, territory, indicator, key
       having sum(n) <> 0 or sum(amount) <> 0
       order by month, territory, indicator, key
       on conflict (month, territory, indicator, key)
       do update set n = s.n + excluded.n, amount = s.amount + excluded.amount;
       return null;
     end $$`,
    `drop trigger if exists ${fn} on ${table}`,
    // Deferred to the commit: a counter row (one district, month and key) is locked from its upsert to
    // the commit, so concurrent changes of one district queue there only for the commit itself, not
    // for the rest of their transaction (the referral saturation bench halved with an immediate trigger).
    `create constraint trigger ${fn} after insert or update or delete on ${table}
       deferrable initially deferred for each row execute function ${fn}_trigger()`,
  ];
}

/** Recount every indicator from the source tables (a migration's backfill; the check of the counters). */
export const recountSql = (tables: readonly string[]): string[] => [
  'delete from stat_counter',
  `insert into stat_counter (month, territory, indicator, key, n, amount) ${groupBySourcesSql(tables)}`,
];

/** The plain GROUP BY over the source tables, in the counters' shape (the recount, and the property test's reference). */
export function groupBySourcesSql(tables: readonly string[]): string {
  return `select month, territory, indicator, key, sum(n)::bigint as n, sum(amount)::bigint as amount from (
     ${tables.map((t) => `select c.* from ${t} r cross join lateral stat_${t}(r) c`).join('\n union all ')}
   ) d group by month, territory, indicator, key having sum(n) <> 0 or sum(amount) <> 0`;
}

/** A service's statistics sources (table → contribution SELECTs): their functions and triggers, then a recount. */
export const statisticsMigrationSql = (sources: Readonly<Record<string, readonly string[]>>): string[] => [
  ...Object.entries(sources).flatMap(([table, selects]) => statisticsSourceSql(table, selects)),
  ...recountSql(Object.keys(sources)),
];

/**
 * The same GROUP BY written inline (each table's SELECTs as a LATERAL
 * subquery, no function call), for the months from `$1` to `$2`: what a
 * report over the source tables costs without counters (the bench's baseline).
 */
export const groupBySourcesInlineSql = (sources: Readonly<Record<string, readonly string[]>>): string =>
  `select month, territory, indicator, key, sum(n)::bigint as n, sum(amount)::bigint as amount from (
     ${Object.entries(sources)
       .map(
         ([t, selects]) =>
           `select c.* from ${t} r cross join lateral (${selects.join('\n union all ')}) c (month, territory, indicator, key, n, amount)`,
       )
       .join('\n union all ')}
   ) d where month between $1 and $2 and territory is not null
   group by month, territory, indicator, key`;
