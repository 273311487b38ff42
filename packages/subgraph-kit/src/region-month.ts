/**
 * `column` (a timestamptz) within a calendar month of the region: the work log
 * keeps instants, a month is the region's (Asia/Irkutsk for region 25), so the
 * bounds are the region's midnights, not UTC's — after 16:00 UTC on the last
 * day of a month an Irkutsk office is already in the next one.
 */
export function inRegionMonth(column: string, month: string, timeZone: string): { sql: string; params: string[] } {
  const first = `${month}-01`;
  return {
    sql: `${column} >= (?::date::timestamp at time zone ?) and ${column} < ((?::date + interval '1 month')::timestamp at time zone ?)`,
    params: [first, timeZone, first, timeZone],
  };
}
