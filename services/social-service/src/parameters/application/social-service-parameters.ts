import type { EntityManager } from '@mikro-orm/core';
import type { IsoDate } from '@sc/kernel';
import { loadParameterRows } from '@sc/subgraph-kit';
import { SocialServiceParameters } from '../domain/social-service-parameters';

export async function loadSocialServiceParameters(
  em: EntityManager,
  region: string,
  onDate: IsoDate,
): Promise<SocialServiceParameters> {
  return new SocialServiceParameters(region, onDate, await loadParameterRows(em, region, onDate));
}
