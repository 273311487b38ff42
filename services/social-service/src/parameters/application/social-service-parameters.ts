import type { EntityManager } from '@mikro-orm/core';
import type { IsoDate } from '@sc/kernel';
import { inChange, loadParameterRows, setRegionalParameterValue, type CaseContext, type Read } from '@sc/subgraph-kit';
import { ADMINISTER_CATALOGUE } from '../../access';
import { SOCIAL_SERVICE_PARAMETER_DEFINITIONS, SocialServiceParameters } from '../domain/social-service-parameters';

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

/** ADMIN: a КЦСОН parameter (deadlines of 442-ФЗ and 120-ФЗ work) from a date on. */
export function setSocialServiceParameter(ctx: CaseContext, i: { code: string; value: number; validFrom: IsoDate }) {
  return inChange(ctx, 'setSocialServiceParameter', ADMINISTER_CATALOGUE, (tx, c) =>
    setRegionalParameterValue(tx, SOCIAL_SERVICE_PARAMETER_DEFINITIONS, {
      ...i,
      region: ctx.deps.config.region,
      changedBy: c.by,
      changedAt: c.now,
    }),
  );
}
