import type { EntityManager } from '@mikro-orm/core';
import type { IsoDate } from '@sc/kernel';
import { RegionalParameters } from '../domain/regional-parameters';
import {
  pickSubsistenceMinimum,
  SubsistenceMinimumRecord,
  type SubsistenceMinimum,
  type TerritorialZone,
} from '../domain/subsistence-minimum';
import { loadParameterRows } from '@sc/subgraph-kit';

/** The parameters in force in a region on a day (rows are few: one query). */
export async function loadParameters(em: EntityManager, region: string, onDate: IsoDate): Promise<RegionalParameters> {
  return new RegionalParameters(region, onDate, await loadParameterRows(em, region, onDate));
}

export async function loadSubsistenceMinimum(
  em: EntityManager,
  region: string,
  zone: TerritorialZone,
  year: number,
): Promise<SubsistenceMinimum> {
  return pickSubsistenceMinimum(await em.find(SubsistenceMinimumRecord, { region, zone, year }), region, zone, year);
}
