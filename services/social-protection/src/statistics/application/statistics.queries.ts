import type { EntityManager } from '@mikro-orm/core';
import type { IsoDate } from '@sc/kernel';
import { loadParameters } from '../../parameters/application/parameter.queries';

/** The disclosure threshold k in force in the region (STATISTICS_MIN_CELL). */
export const socialProtectionMinCell = async (em: EntityManager, region: string, onDate: IsoDate): Promise<number> =>
  (await loadParameters(em, region, onDate)).get('STATISTICS_MIN_CELL');
