import type { EntityManager } from '@mikro-orm/core';
import { parseIsoDate, validateParameterValue, type IsoDate } from '@sc/kernel';
import { inChange, loadParameterRows, upsertRegionalParameter, type CaseContext } from '@sc/subgraph-kit';
import { ADMINISTER_PARAMETERS } from '../../access';
import { EMPLOYMENT_PARAMETER_DEFINITIONS, EmploymentParameters } from '../domain/employment-parameters';

export async function loadEmploymentParameters(em: EntityManager, region: string, onDate: IsoDate): Promise<EmploymentParameters> {
  return new EmploymentParameters(region, onDate, await loadParameterRows(em, region, onDate));
}

/** ADMIN: a ЦЗН parameter of the caller's region from a date on. */
export function setEmploymentParameter(ctx: CaseContext, i: { code: string; value: number; validFrom: IsoDate }) {
  return inChange(ctx, 'setEmploymentParameter', ADMINISTER_PARAMETERS, async (tx, c) => {
    const code = validateParameterValue(EMPLOYMENT_PARAMETER_DEFINITIONS, i.code, i.value);
    parseIsoDate(i.validFrom, 'input.validFrom');
    const region = ctx.deps.config.region;
    await upsertRegionalParameter(tx, { region, code, validFrom: i.validFrom, value: i.value, changedBy: c.by, changedAt: c.now });
    return (await loadEmploymentParameters(tx, region, i.validFrom)).view().find((v) => v.code === code)!;
  });
}
