import type { EntityManager } from '@mikro-orm/core';
import type { IsoDate } from '@sc/kernel';
import { loadSocialServiceParameters } from '../../parameters/application/social-service-parameters';

/** The disclosure threshold k in force in the region (STATISTICS_MIN_CELL). */
export const socialServiceMinCell = async (em: EntityManager, region: string, onDate: IsoDate): Promise<number> =>
  (await loadSocialServiceParameters(em, region, onDate)).get('STATISTICS_MIN_CELL');
