import {
  suppressSmallCounts,
  territoryScope,
  type IndicatorDefinition,
  type IsoMonth,
  type StatisticsCatalogue,
} from '@sc/kernel';

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

/** A counter row, already summed to the serving district (5-digit ОКТМО prefix + 000). */
export interface CounterRow {
  month: string;
  territory: string;
  indicator: string;
  key: string;
  n: string | number;
  amount: string | number;
}

export interface GridTerritory {
  code: string;
  level: 'REGION' | 'GROUP' | 'DISTRICT';
}

/**
 * The statistics of a region as vectors: a slot per (indicator, key), a row
 * per territory (the region, its groups, its districts), one vector per
 * month, so a period is a sum of months (a stock: of every month up to its
 * last) and suppression runs over plain arrays. Built once per request.
 */
export class StatisticsGrid {
  private readonly t: Map<string, number>;
  private readonly slots: { def: IndicatorDefinition; key: string }[] = [];
  private readonly slotOf = new Map<string, number>();
  private readonly slotsByDef: number[][];
  /** month → n and amount per (territory × slot); histogram days per (territory × slot). */
  private readonly months = new Map<
    IsoMonth,
    { n: Float64Array; amount: Float64Array; hist: Map<number, Map<number, number>> }
  >();
  private readonly lines: number[][];

  constructor(
    private readonly catalogue: StatisticsCatalogue,
    private readonly territories: readonly GridTerritory[],
    rows: readonly CounterRow[],
  ) {
    this.t = new Map(territories.map((x, i) => [x.code, i]));
    const feeds = new Map<string, { def: IndicatorDefinition; sign: 1 | -1 }[]>();
    const feed = (counter: string, def: IndicatorDefinition, sign: 1 | -1) =>
      feeds.set(counter, [...(feeds.get(counter) ?? []), { def, sign }]);
    for (const def of catalogue) {
      feed(def.counter, def, 1);
      if (def.kind === 'STOCK') feed(def.closedBy!, def, -1);
    }
    // Slots: the catalogue's keys first, then keys found in the data (sorted), per indicator.
    const seen = new Map<string, Set<string>>(catalogue.map((d) => [d.field, new Set<string>()]));
    for (const r of rows)
      for (const { def } of feeds.get(r.indicator) ?? []) seen.get(def.field)!.add(splitKey(def, r.key).key);
    this.slotsByDef = catalogue.map((def) => {
      const known = def.keys ?? [];
      const keys = [...known, ...[...seen.get(def.field)!].filter((k) => !known.includes(k)).sort()];
      return keys.map((key) => {
        this.slotOf.set(`${def.field}\u0001${key}`, this.slots.length);
        this.slots.push({ def, key });
        return this.slots.length - 1;
      });
    });
    const T = territories.length;
    const S = this.slots.length;
    const region = territories.findIndex((x) => x.level === 'REGION');
    for (const r of rows) {
      let m = this.months.get(r.month);
      if (!m)
        this.months.set(
          r.month,
          (m = { n: new Float64Array(T * S), amount: new Float64Array(T * S), hist: new Map() }),
        );
      // The region, the row's group and its district, each once (a row of the unassigned queue, 25000000,
      // is its own group and district code: it counts in the region only).
      const targets = new Set([
        region,
        this.t.get(`${r.territory.slice(0, 3)}00000`),
        this.t.get(`${r.territory.slice(0, 5)}000`),
      ]);
      for (const { def, sign } of feeds.get(r.indicator) ?? []) {
        const { key, days } = splitKey(def, r.key);
        const s = this.slotOf.get(`${def.field}\u0001${key}`)!;
        const n = Number(r.n) * sign;
        const amount = Number(r.amount) * sign;
        for (const ti of targets) {
          if (ti === undefined || ti < 0) continue;
          const i = ti * S + s;
          m.n[i] = m.n[i]! + n;
          m.amount[i] = m.amount[i]! + amount;
          if (days !== null) {
            let h = m.hist.get(i);
            if (!h) m.hist.set(i, (h = new Map()));
            h.set(days, (h.get(days) ?? 0) + n);
          }
        }
      }
    }
    this.lines = this.linesOf();
  }

  /**
   * The cells of one period for the territories asked, suppressed with
   * threshold `k` (0 = nothing hidden) over the whole grid of that period.
   */
  period(months: readonly IsoMonth[], k: number): (territory: string) => StatisticsOfCell {
    const T = this.territories.length;
    const S = this.slots.length;
    const D = this.catalogue.length;
    const n = new Float64Array(T * S);
    const amount = new Float64Array(T * S);
    const hist = new Map<number, Map<number, number>>();
    const last = months[months.length - 1]!;
    const inPeriod = new Set(months);
    const stockSlots = this.slots.flatMap((x, s) => (x.def.kind === 'STOCK' ? [s] : []));
    for (const [month, m] of this.months) {
      const flows = inPeriod.has(month);
      if (!flows && month > last) continue;
      if (flows)
        for (let i = 0; i < T * S; i++) {
          n[i] = n[i]! + m.n[i]!;
          amount[i] = amount[i]! + m.amount[i]!;
        }
      else
        for (let t = 0; t < T; t++)
          for (const s of stockSlots) {
            const i = t * S + s;
            n[i] = n[i]! + m.n[i]!;
            amount[i] = amount[i]! + m.amount[i]!;
          }
      if (flows)
        for (const [i, h] of m.hist) {
          let to = hist.get(i);
          if (!to) hist.set(i, (to = new Map()));
          for (const [d, c] of h) to.set(d, (to.get(d) ?? 0) + c);
        }
    }
    // Cells: T × S slots, then T × D indicator totals.
    const totals = new Float64Array(T * D);
    for (let t = 0; t < T; t++)
      this.slotsByDef.forEach((slots, d) => {
        let sum = 0;
        for (const s of slots) sum += n[t * S + s]!;
        totals[t * D + d] = sum;
      });
    const hidden = k > 0 ? this.suppress(n, totals, k) : null;
    const view: PeriodView = {
      T,
      S,
      D,
      n,
      amount,
      hist,
      totals,
      hidden,
      slots: this.slots,
      slotsByDef: this.slotsByDef,
    };
    const memo = new Map<string, StatisticsOfCell>();
    return (territory) => {
      const hit = memo.get(territory);
      if (hit) return hit;
      const t = this.t.get(territory);
      if (t === undefined) throw new Error(`statistics grid: ${territory} is not a territory of the grid`);
      const out: StatisticsOfCell = {};
      this.catalogue.forEach((def, d) => (out[def.field] = new LazyIndicator(view, def, d, t)));
      memo.set(territory, out);
      return out;
    };
  }

  /**
   * Lines of published sums, by cell index (T × S slots, then T × D totals):
   * a territory's total and its keys; the region, and each group, over its
   * districts, per key and per total.
   */
  private linesOf(): number[][] {
    const T = this.territories.length;
    const S = this.slots.length;
    const D = this.catalogue.length;
    const lines: number[][] = [];
    const districtsUnder = (parent: GridTerritory) => {
      const scope = territoryScope(parent.code);
      return this.territories.flatMap((x, i) => (x.level === 'DISTRICT' && x.code.startsWith(scope) ? [i] : []));
    };
    const parents = this.territories.flatMap((x, i) =>
      x.level === 'DISTRICT' ? [] : [{ i, under: districtsUnder(x) }],
    );
    this.slotsByDef.forEach((slots, d) => {
      for (let t = 0; t < T; t++) lines.push([T * S + t * D + d, ...slots.map((s) => t * S + s)]);
      for (const p of parents) {
        lines.push([T * S + p.i * D + d, ...p.under.map((t) => T * S + t * D + d)]);
        for (const s of slots) lines.push([p.i * S + s, ...p.under.map((t) => t * S + s)]);
      }
    });
    return lines;
  }

  private suppress(n: Float64Array, totals: Float64Array, k: number): boolean[] {
    const T = this.territories.length;
    const S = this.slots.length;
    const values = [...n, ...totals];
    const region = this.territories.map((x) => x.level === 'REGION');
    const D = this.catalogue.length;
    const isPublic = values.map((_, i) =>
      i < T * S ? region[Math.floor(i / S)]! : region[Math.floor((i - T * S) / D)]!,
    );
    return suppressSmallCounts(values, isPublic, this.lines, k);
  }
}

interface PeriodView {
  T: number;
  S: number;
  D: number;
  n: Float64Array;
  amount: Float64Array;
  hist: Map<number, Map<number, number>>;
  totals: Float64Array;
  hidden: boolean[] | null;
  slots: readonly { def: IndicatorDefinition; key: string }[];
  slotsByDef: readonly number[][];
}

/** One indicator of one cell, its values built when a field asks (a dashboard reading totals never builds breakdowns). */
class LazyIndicator implements StatIndicator {
  private totalValue?: StatValue;
  private byValues?: StatValue[];

  constructor(
    private readonly v: PeriodView,
    private readonly def: IndicatorDefinition,
    private readonly d: number,
    private readonly t: number,
  ) {}

  get total(): StatValue {
    if (this.totalValue) return this.totalValue;
    const { v, def, t } = this;
    let sum = 0;
    const h = def.kind === 'HISTOGRAM' ? new Map<number, number>() : null;
    for (const s of v.slotsByDef[this.d]!) {
      sum += v.amount[t * v.S + s]!;
      for (const [dd, c] of v.hist.get(t * v.S + s) ?? []) h!.set(dd, (h!.get(dd) ?? 0) + c);
    }
    return (this.totalValue = this.value(null, v.totals[t * v.D + this.d]!, sum, h, this.totalHidden));
  }

  get by(): StatValue[] {
    if (this.byValues) return this.byValues;
    const { v, t } = this;
    return (this.byValues = v.slotsByDef[this.d]!.map((s) => {
      const i = t * v.S + s;
      return this.value(v.slots[s]!.key, v.n[i]!, v.amount[i]!, v.hist.get(i) ?? null, v.hidden?.[i] ?? false);
    }));
  }

  private get totalHidden(): boolean {
    return this.v.hidden?.[this.v.T * this.v.S + this.t * this.v.D + this.d] ?? false;
  }

  private value(
    key: string | null,
    count: number,
    sum: number,
    h: Map<number, number> | null,
    off: boolean,
  ): StatValue {
    const { def } = this;
    const total = this.v.totals[this.t * this.v.D + this.d]!;
    return {
      key,
      count: off ? null : count,
      amountKopecks: off || !def.money ? null : sum,
      share: off || this.totalHidden || key === null || total === 0 ? null : count / total,
      meanKopecks: off || !def.money || count === 0 ? null : Math.round(sum / count),
      medianDays: off || def.kind !== 'HISTOGRAM' ? null : quantile(h, count, 0.5),
      p90Days: off || def.kind !== 'HISTOGRAM' ? null : quantile(h, count, 0.9),
      suppressed: off,
    };
  }
}

function splitKey(def: IndicatorDefinition, raw: string): { key: string; days: number | null } {
  if (def.kind !== 'HISTOGRAM') return { key: raw, days: null };
  const at = raw.lastIndexOf('#');
  return { key: raw.slice(0, at), days: Number(raw.slice(at + 1)) };
}

/** The q-quantile of whole days from a histogram (nearest rank), null when empty. */
function quantile(hist: Map<number, number> | null, n: number, q: number): number | null {
  if (!hist || n <= 0) return null;
  const rank = Math.ceil(q * n);
  let seen = 0;
  for (const d of [...hist.keys()].sort((a, b) => a - b)) {
    seen += hist.get(d)!;
    if (seen >= rank) return d;
  }
  return null;
}
