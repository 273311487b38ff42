import type { EntityManager } from '@mikro-orm/core';
import type { IsoDate } from '@sc/kernel';
import { loadParameterRows, type Read } from '@sc/subgraph-kit';
import { SocialServiceParameters } from '../domain/social-service-parameters';

export async function loadSocialServiceParameters(
  em: EntityManager,
  region: string,
  onDate: IsoDate,
): Promise<SocialServiceParameters> {
  return new SocialServiceParameters(region, onDate, await loadParameterRows(em, region, onDate));
}

/** КЦСОН parameters of the service's region in force on a day (today by default). */
export const socialServiceParametersOn =
  (onDate?: IsoDate | null): Read<ReturnType<SocialServiceParameters['view']>> =>
  async ({ em, deps, today }) =>
    (await loadSocialServiceParameters(em, deps.config.region, onDate ?? today)).view();
