import type { EntityManager } from '@mikro-orm/core';
import type { IsoDate } from '@sc/kernel';
import { RegionalParameters, regionOfTerritory, type ParameterView } from '../domain/regional-parameters';
import {
  pickSubsistenceMinimum,
  SubsistenceMinimumRecord,
  type SubsistenceMinimum,
  type TerritorialZone,
} from '../domain/subsistence-minimum';
import { CalendarDayRow, loadParameterRows, type Read } from '@sc/subgraph-kit';

/** The parameters in force in a region on a day (rows are few: one query). */
export async function loadParameters(em: EntityManager, region: string, onDate: IsoDate): Promise<RegionalParameters> {
  return new RegionalParameters(region, onDate, await loadParameterRows(em, region, onDate));
}

export async function loadSubsistenceMinimum(
  em: EntityManager,
  region: string,
  zone: TerritorialZone,
  year: number,
  /** The input whose date chose the year: a missing ПМ is refused naming it. */
  field: string,
): Promise<SubsistenceMinimum> {
  const rows = await em.find(SubsistenceMinimumRecord, { region, zone, year });
  return pickSubsistenceMinimum(rows, region, zone, year, field);
}

/** Региональные параметры in force on a day (today by default) in the caller's region. */
export const regionalParametersOn =
  (onDate?: IsoDate | null): Read<ParameterView[]> =>
  async ({ em, principal, today }) =>
    (await loadParameters(em, regionOfTerritory(principal.territory), onDate ?? today)).view();

/** ПМ of the caller's region, a year or all, latest first. */
export const listSubsistenceMinima =
  (year?: number | null): Read<SubsistenceMinimumRecord[]> =>
  ({ em, principal }) =>
    em.find(
      SubsistenceMinimumRecord,
      { region: regionOfTerritory(principal.territory), ...(year ? { year } : {}) },
      { orderBy: { year: 'desc', zone: 'asc' } },
    );

/** Производственный календарь: the days of a year that differ from the plain week. */
export const listCalendarDays =
  (year: number): Read<CalendarDayRow[]> =>
  ({ em }) =>
    em.find(CalendarDayRow, { date: { $gte: `${year}-01-01`, $lte: `${year}-12-31` } }, { orderBy: { date: 'asc' } });
