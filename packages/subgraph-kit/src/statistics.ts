import type { EntityManager } from '@mikro-orm/core';
import { authorize, seesSuppressed, type AccessRule, type Principal } from '@sc/auth';
import {
  coversTerritory,
  ForbiddenError,
  monthsOfPeriod,
  statisticsPeriods,
  territoryScope,
  ValidationError,
  type IsoDate,
  type IsoMonth,
  type StatisticsCatalogue,
  type TimeAxis,
} from '@sc/kernel';
import { todayOf, type RequestContext } from './context';
import { periodCache } from './statistics-cache';
import { StatisticsGrid, type CounterRow, type StatisticsOfCell } from './statistics-grid';
import { listTerritories, type TerritoryRow } from './territories';
import { SERVING_KINDS } from './territory-directory.data';

export type { StatValue, StatIndicator, StatisticsOfCell } from './statistics-grid';

export interface StatisticsRef {
  territory: string;
  period: string;
}

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

/** A territory a caller names: a code (`25` is the region), inside the caller's own, in the directory. */
function checkedTerritory(p: Principal, directory: readonly TerritoryRow[], territory: string): TerritoryRow {
  const code = normalise(territory, 'territory');
  if (!coversTerritory(p.territory, code))
    throw new ForbiddenError(`territory: ${territory} is outside your territory ${p.territory}`, {
      field: 'territory',
      rule: 'TERRITORY',
    });
  const entry = directory.find((t) => t.code === code);
  if (!entry)
    throw new ValidationError('territory', 'TERRITORY_UNKNOWN', `${territory} is not in the territory directory`);
  return entry;
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
  const all = await directoryOf(ctx.em, ctx.deps.config.region.slice(0, 2), todayOf(ctx));
  const entry = checkedTerritory(ctx.principal, all, a.territory);
  const places = [entry];
  if (a.by.includes('TERRITORY') && levelOf(entry) !== 'DISTRICT')
    places.push(...all.filter((t) => SERVING_KINDS.includes(t.kind) && t.code.startsWith(territoryScope(entry.code))));
  return places.flatMap((t) =>
    periods.map((period) => ({ territory: t.code, period, territoryName: t.name, level: levelOf(t) })),
  );
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
  const territories = refs.map((r) => checkedTerritory(ctx.principal, directory, r.territory).code);
  const periods = [...new Set(refs.map((r) => r.period))];
  const monthsOf = new Map(periods.map((p) => [p, monthsOfPeriod(p, 'period')]));
  const allMonths = [...monthsOf.values()].flat().sort();
  const k = seesSuppressed(ctx.principal) ? await minCell(ctx.em, ctx.deps.config.region, today) : 0;
  const cache = periodCache<(territory: string) => StatisticsOfCell>(ctx.deps, ctx.deps.config.statisticsCacheMs ?? 0);
  let cells = periods.map((p) => cache.get(`${k}|${p}`));
  if (cells.some((c) => !c)) {
    const rows = await loadCounters(ctx.em, region, catalogue, allMonths[0]!, allMonths[allMonths.length - 1]!);
    const grid = new StatisticsGrid(
      catalogue,
      directory.map((t) => ({ code: t.code, level: levelOf(t) })),
      rows,
    );
    cells = periods.map((p) => cache.set(`${k}|${p}`, grid.period(monthsOf.get(p)!, k)));
  }
  const byPeriod = new Map(periods.map((p, i) => [p, cells[i]!]));
  return refs.map((r, i) => byPeriod.get(r.period)!(territories[i]!));
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
    `select month, substr(territory, 1, 5) || '000' as territory, indicator, key, sum(n) as n, sum(amount) as amount
       from stat_counter
      where territory like ? and month <= ?
        and ((month >= ? and indicator = any(?::text[])) or indicator = any(?::text[]))
      group by 1, 2, 3, 4`,
    [`${region}%`, last, first, `{${flows.join(',')}}`, `{${stocks.join(',')}}`], // codes are identifiers, safe in an array literal
    'all',
    em.getTransactionContext(),
  );
}
