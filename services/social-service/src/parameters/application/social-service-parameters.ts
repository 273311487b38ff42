import type { EntityManager } from '@mikro-orm/core';
import type { IsoDate } from '@sc/kernel';
import { loadRegionalParameters } from '@sc/subgraph-kit';
import { SOCIAL_SERVICE_PARAMETER_DEFINITIONS, SocialServiceParameters } from '../domain/social-service-parameters';

export async function loadSocialServiceParameters(em: EntityManager, region: string, onDate: IsoDate): Promise<SocialServiceParameters> {
  return Object.setPrototypeOf(await loadRegionalParameters(em, SOCIAL_SERVICE_PARAMETER_DEFINITIONS, region, onDate), SocialServiceParameters.prototype) as SocialServiceParameters;
}
