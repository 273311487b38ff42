import type { EntityManager } from '@mikro-orm/core';
import type { IsoDate } from '@sc/kernel';
import { inChange, loadParameterRows, setRegionalParameterValue, type CaseContext, type Read } from '@sc/subgraph-kit';
import { ADMINISTER_PARAMETERS } from '../../access';
import { EMPLOYMENT_PARAMETER_DEFINITIONS, EmploymentParameters } from '../domain/employment-parameters';

export async function loadEmploymentParameters(
  em: EntityManager,
  region: string,
  onDate: IsoDate,
): Promise<EmploymentParameters> {
  return new EmploymentParameters(region, onDate, await loadParameterRows(em, region, onDate));
}

/** ЦЗН parameters of the service's region in force on a day (today by default). */
export const employmentParametersOn =
  (onDate?: IsoDate | null): Read<ReturnType<EmploymentParameters['view']>> =>
  async ({ em, deps, today }) =>
    (await loadEmploymentParameters(em, deps.config.region, onDate ?? today)).view();

/** ADMIN: a ЦЗН parameter of the caller's region from a date on. */
export function setEmploymentParameter(ctx: CaseContext, i: { code: string; value: number; validFrom: IsoDate }) {
  return inChange(ctx, 'setEmploymentParameter', ADMINISTER_PARAMETERS, (tx, c) =>
    setRegionalParameterValue(tx, EMPLOYMENT_PARAMETER_DEFINITIONS, {
      ...i,
      region: ctx.deps.config.region,
      changedBy: c.by,
      changedAt: c.now,
    }),
  );
}
