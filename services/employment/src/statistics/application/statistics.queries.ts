import type { EntityManager } from '@mikro-orm/core';
import type { IsoDate } from '@sc/kernel';
import { loadEmploymentParameters } from '../../parameters/application/employment-parameters';

/** The disclosure threshold k in force in the region (STATISTICS_MIN_CELL). */
export const employmentMinCell = async (em: EntityManager, region: string, onDate: IsoDate): Promise<number> =>
  (await loadEmploymentParameters(em, region, onDate)).get('STATISTICS_MIN_CELL');
