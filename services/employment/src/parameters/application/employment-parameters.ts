import type { EntityManager } from '@mikro-orm/core';
import type { IsoDate } from '@sc/kernel';
import { inChange, loadParameterRows, setRegionalParameterValue, type CaseContext } from '@sc/subgraph-kit';
import { ADMINISTER_PARAMETERS } from '../../access';
import { EMPLOYMENT_PARAMETER_DEFINITIONS, EmploymentParameters } from '../domain/employment-parameters';

export async function loadEmploymentParameters(
  em: EntityManager,
  region: string,
  onDate: IsoDate,
): Promise<EmploymentParameters> {
  return new EmploymentParameters(region, onDate, await loadParameterRows(em, region, onDate));
}

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
