import type { EntityManager } from '@mikro-orm/core';
import { authorize, seesSuppressed, type AccessRule } from '@sc/auth';
import {
  coversTerritory,
  ForbiddenError,
  monthsOfPeriod,
  statisticsPeriods,
  suppressSmallCounts,
  ValidationError,
  type IsoDate,
  type IsoMonth,
  type TimeAxis,
} from '@sc/kernel';
import { todayOf, type RequestContext } from './context';
import { listTerritories, type TerritoryRow } from './territories';
import { SERVING_KINDS } from './territory-directory.data';

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

export type StatisticsCatalogue = readonly IndicatorDefinition[];

export interface StatisticsRef {
  territory: string;
  period: string;
}

export interface StatValue {
  key: string | null;
  count: number | null;
  amountKopecks: number | null;
  share: number | null;
  meanKopecks: number | null;
  medianDays: number | null;
  p90Days: number | null;
  suppressed: boolean;
}

export interface StatIndicator {
  total: StatValue;
  by: StatValue[];
}

export type StatisticsOfCell = Record<string, StatIndicator>;

export type StatisticsAxis = TimeAxis | 'TERRITORY';

export interface StatisticsRow extends StatisticsRef {
  territoryName: string;
  level: 'REGION' | 'GROUP' | 'DISTRICT';
}

const normalise = (territory: string, field: string): string => {
  if (/^\d{2}$/.test(territory)) return `${territory}000000`;
  if (/^\d{8}$/.test(territory)) return territory;
  throw new ValidationError(field, 'OKTMO_FORMAT', 'must be an 8-digit ОКТМО code or a 2-digit region code');
};

const levelOf = (t: TerritoryRow): StatisticsRow['level'] =>
  t.kind === 'REGION' ? 'REGION' : t.kind === 'GROUP' ? 'GROUP' : 'DISTRICT';

/** The territory the caller names, checked against the directory and the caller's own. */
async function checkedTerritory(ctx: RequestContext, territory: string, field: string, today: IsoDate) {
  const code = normalise(territory, field);
  if (!coversTerritory(ctx.principal.territory, code))
    throw new ForbiddenError(`${field}: ${territory} is outside your territory ${ctx.principal.territory}`, {
      field,
      rule: 'TERRITORY',
    });
  const all = await directoryOf(ctx.em, code.slice(0, 2), today);
  const entry = all.find((t) => t.code === code);
  if (!entry) throw new ValidationError(field, 'TERRITORY_UNKNOWN', `${territory} is not in the territory directory`);
  return { entry, all };
}

const directoryOf = (em: EntityManager, region: string, today: IsoDate) => listTerritories(em, today, region);

/**
 * The rows of a statistics query: the named territory and, split by
 * TERRITORY, each district or okrug under it; split by MONTH, QUARTER or
 * YEAR, each period from `from` to `to` (else the whole range as one).
 */
export async function statisticsRows(
  ctx: RequestContext,
  rule: AccessRule,
  a: { territory: string; from: string; to: string; by: readonly StatisticsAxis[] },
): Promise<StatisticsRow[]> {
  authorize(ctx.principal, rule, 'statistics');
  const time = a.by.filter((x): x is TimeAxis => x !== 'TERRITORY');
  if (time.length > 1) throw new ValidationError('by', 'ONE_TIME_AXIS', 'split by at most one of MONTH, QUARTER, YEAR');
  const periods = statisticsPeriods(a.from, a.to, time[0] ?? null);
  const { entry, all } = await checkedTerritory(ctx, a.territory, 'territory', todayOf(ctx));
  const places = [entry];
  if (a.by.includes('TERRITORY') && levelOf(entry) !== 'DISTRICT')
    places.push(...all.filter((t) => SERVING_KINDS.includes(t.kind) && t.code.startsWith(scopeOf(entry))));
  return places.flatMap((t) =>
    periods.map((period) => ({ territory: t.code, period, territoryName: t.name, level: levelOf(t) })),
  );
}

const scopeOf = (t: TerritoryRow) =>
  t.kind === 'REGION' ? t.code.slice(0, 2) : t.kind === 'GROUP' ? t.code.slice(0, 3) : t.code.slice(0, 5);

interface Agg {
  n: number;
  amount: number;
  hist: Map<number, number> | null;
}

interface CounterRow {
  month: string;
  territory: string;
  indicator: string;
  key: string;
  n: string | number;
  amount: string | number;
}

/**
 * This agency's indicators for each requested cell, with small counts hidden
 * for those who see them hidden. Suppression is decided over the whole
 * region's grid of a period (every district, group and the region), never
 * over what one query happens to ask, so the same cell is hidden the same
 * way in every query and one query cannot be subtracted from another.
 */
export async function statisticsOfCells(
  ctx: RequestContext,
  rule: AccessRule,
  catalogue: StatisticsCatalogue,
  minCell: (em: EntityManager, region: string, onDate: IsoDate) => Promise<number>,
  refs: readonly StatisticsRef[],
): Promise<StatisticsOfCell[]> {
  authorize(ctx.principal, rule, 'statistics');
  const today = todayOf(ctx);
  const region = ctx.deps.config.region.slice(0, 2);
  const directory = await directoryOf(ctx.em, region, today);
  for (const r of refs) {
    const t = normalise(r.territory, 'territory');
    if (!coversTerritory(ctx.principal.territory, t))
      throw new ForbiddenError(`territory: ${r.territory} is outside your territory ${ctx.principal.territory}`, {
        field: 'territory',
        rule: 'TERRITORY',
      });
    if (!directory.some((d) => d.code === t))
      throw new ValidationError('territory', 'TERRITORY_UNKNOWN', `${r.territory} is not in the territory directory`);
  }
  const periods = [...new Set(refs.map((r) => r.period))];
  const monthsOf = new Map(periods.map((p) => [p, monthsOfPeriod(p, 'period')]));
  const allMonths = [...monthsOf.values()].flat().sort();
  const rows = await loadCounters(ctx.em, region, catalogue, allMonths[0]!, allMonths[allMonths.length - 1]!);
  const k = seesSuppressed(ctx.principal) ? await minCell(ctx.em, ctx.deps.config.region, today) : 0;
  const grids = new Map(periods.map((p) => [p, gridOf(catalogue, directory, rows, monthsOf.get(p)!, k)]));
  return refs.map((r) => grids.get(r.period)!(normalise(r.territory, 'territory')));
}

async function loadCounters(
  em: EntityManager,
  region: string,
  catalogue: StatisticsCatalogue,
  first: IsoMonth,
  last: IsoMonth,
): Promise<CounterRow[]> {
  const flows = catalogue.filter((i) => i.kind !== 'STOCK').map((i) => i.counter);
  const stocks = catalogue.filter((i) => i.kind === 'STOCK').flatMap((i) => [i.counter, i.closedBy!]);
  // Stocks need every month up to the end of the range; flows only the range's months.
  return em.getConnection().execute<CounterRow[]>(
    `select month, territory, indicator, key, n, amount from stat_counter
      where territory like ? and month <= ?
        and ((month >= ? and indicator = any(?::text[])) or indicator = any(?::text[]))`,
    [`${region}%`, last, first, `{${flows.join(',')}}`, `{${stocks.join(',')}}`], // codes are identifiers, safe in an array literal
    'all',
    em.getTransactionContext(),
  );
}

/** The grid of one period: every territory of the directory × indicator × key, suppressed where it must be. */
function gridOf(
  catalogue: StatisticsCatalogue,
  directory: readonly TerritoryRow[],
  rows: readonly CounterRow[],
  months: readonly IsoMonth[],
  k: number,
): (territory: string) => StatisticsOfCell {
  const first = months[0]!;
  const last = months[months.length - 1]!;
  const regionCode = directory.find((t) => t.kind === 'REGION')?.code;
  const districts = new Set(directory.filter((t) => SERVING_KINDS.includes(t.kind)).map((t) => t.code));
  const groups = new Set(directory.filter((t) => t.kind === 'GROUP').map((t) => t.code));
  // A counter may feed several indicators (contracts concluded: a flow, and the openings of a stock).
  const byCounter = new Map<string, { def: IndicatorDefinition; sign: 1 | -1 }[]>();
  const feed = (counter: string, def: IndicatorDefinition, sign: 1 | -1) =>
    byCounter.set(counter, [...(byCounter.get(counter) ?? []), { def, sign }]);
  for (const def of catalogue) {
    feed(def.counter, def, 1);
    if (def.kind === 'STOCK') feed(def.closedBy!, def, -1);
  }
  // values: territory → field → key → aggregate
  const values = new Map<string, Map<string, Map<string, Agg>>>();
  const keysOf = new Map<string, Set<string>>(catalogue.map((d) => [d.field, new Set(d.keys ?? [])]));
  const add = (
    territory: string,
    def: IndicatorDefinition,
    key: string,
    n: number,
    amount: number,
    days: number | null,
  ) => {
    let t = values.get(territory);
    if (!t) values.set(territory, (t = new Map()));
    let f = t.get(def.field);
    if (!f) t.set(def.field, (f = new Map()));
    let a = f.get(key);
    if (!a) f.set(key, (a = { n: 0, amount: 0, hist: def.kind === 'HISTOGRAM' ? new Map() : null }));
    a.n += n;
    a.amount += amount;
    if (a.hist && days !== null) a.hist.set(days, (a.hist.get(days) ?? 0) + n);
  };
  for (const r of rows)
    for (const c of byCounter.get(r.indicator) ?? []) {
      const stock = c.def.kind === 'STOCK';
      if (!stock && (r.month < first || r.month > last)) continue;
      let key = r.key;
      let days: number | null = null;
      if (c.def.kind === 'HISTOGRAM') {
        const at = key.lastIndexOf('#');
        days = Number(key.slice(at + 1));
        key = key.slice(0, at);
      }
      keysOf.get(c.def.field)!.add(key);
      const n = Number(r.n) * c.sign;
      const amount = Number(r.amount) * c.sign;
      const district = `${r.territory.slice(0, 5)}000`;
      const group = `${r.territory.slice(0, 3)}00000`;
      for (const t of [regionCode, groups.has(group) ? group : null, districts.has(district) ? district : null])
        if (t) add(t, c.def, key, n, amount, days);
    }
  const territories = directory.map((t) => t.code);
  const hidden = k > 0 ? suppressionOf(catalogue, keysOf, territories, regionCode, districts, values, k) : null;
  return (territory) => {
    const out: StatisticsOfCell = {};
    for (const def of catalogue) {
      const f = values.get(territory)?.get(def.field);
      const keys = orderedKeys(def, keysOf.get(def.field)!);
      const aggs = keys.map((key) => f?.get(key) ?? { n: 0, amount: 0, hist: null });
      const total = sumOf(aggs);
      const isHidden = (key: string) => hidden?.has(`${territory}|${def.field}|${key}`) ?? false;
      const totalHidden = isHidden('*');
      const value = (key: string | null, a: Agg, off: boolean): StatValue => ({
        key,
        count: off ? null : a.n,
        amountKopecks: off || !def.money ? null : a.amount,
        share: off || totalHidden || key === null || total.n === 0 ? null : a.n / total.n,
        meanKopecks: off || !def.money || a.n === 0 ? null : Math.round(a.amount / a.n),
        medianDays: off || !a.hist ? null : quantile(a.hist, a.n, 0.5),
        p90Days: off || !a.hist ? null : quantile(a.hist, a.n, 0.9),
        suppressed: off,
      });
      out[def.field] = {
        total: value(null, total, totalHidden),
        by: keys.map((key, i) => value(key, aggs[i]!, isHidden(key))),
      };
    }
    return out;
  };
}

const orderedKeys = (def: IndicatorDefinition, seen: Set<string>): string[] => {
  const known = def.keys ?? [];
  return [...known, ...[...seen].filter((k) => !known.includes(k)).sort()];
};

function sumOf(aggs: readonly Agg[]): Agg {
  const hist = aggs.some((a) => a.hist) ? new Map<number, number>() : null;
  for (const a of aggs) for (const [d, n] of a.hist ?? []) hist!.set(d, (hist!.get(d) ?? 0) + n);
  return { n: aggs.reduce((s, a) => s + a.n, 0), amount: aggs.reduce((s, a) => s + a.amount, 0), hist };
}

/** The q-quantile of whole days from a histogram (nearest rank), null when empty. */
function quantile(hist: Map<number, number>, n: number, q: number): number | null {
  if (n <= 0) return null;
  const rank = Math.ceil(q * n);
  let seen = 0;
  for (const d of [...hist.keys()].sort((a, b) => a - b)) {
    seen += hist.get(d)!;
    if (seen >= rank) return d;
  }
  return null;
}

/**
 * The suppressed cells of a period's grid (`territory|field|key`, `*` the
 * indicator's total). Lines: a territory's total and its keys; the region and
 * its districts per key; a group and its districts per key.
 */
function suppressionOf(
  catalogue: StatisticsCatalogue,
  keysOf: Map<string, Set<string>>,
  territories: readonly string[],
  regionCode: string | undefined,
  districts: Set<string>,
  values: Map<string, Map<string, Map<string, Agg>>>,
  k: number,
): Set<string> {
  const ids: string[] = [];
  const counts: number[] = [];
  const isPublic: boolean[] = [];
  const index = new Map<string, number>();
  const cell = (t: string, field: string, key: string, n: number) => {
    index.set(`${t}|${field}|${key}`, ids.length);
    ids.push(`${t}|${field}|${key}`);
    counts.push(n);
    isPublic.push(t === regionCode);
  };
  const lines: number[][] = [];
  for (const def of catalogue) {
    const keys = orderedKeys(def, keysOf.get(def.field)!);
    for (const t of territories) {
      const f = values.get(t)?.get(def.field);
      const ns = keys.map((key) => f?.get(key)?.n ?? 0);
      cell(
        t,
        def.field,
        '*',
        ns.reduce((s, n) => s + n, 0),
      );
      keys.forEach((key, i) => cell(t, def.field, key, ns[i]!));
      lines.push(['*', ...keys].map((key) => index.get(`${t}|${def.field}|${key}`)!));
    }
    for (const key of ['*', ...keys]) {
      const under = (parent: string, scope: string) =>
        [parent, ...[...districts].filter((d) => d !== parent && d.startsWith(scope))].map((t) =>
          index.get(`${t}|${def.field}|${key}`)!,
        );
      for (const t of territories) {
        if (districts.has(t)) continue;
        const scope = t === regionCode ? t.slice(0, 2) : t.slice(0, 3);
        lines.push(under(t, scope));
      }
    }
  }
  const hidden = suppressSmallCounts(counts, isPublic, lines, k);
  return new Set(ids.filter((_, i) => hidden[i]));
}
