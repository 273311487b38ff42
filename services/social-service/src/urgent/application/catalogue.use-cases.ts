import { ValidationError } from '@sc/kernel';
import { inChange, type CaseContext } from '@sc/subgraph-kit';
import { ADMINISTER_CATALOGUE } from '../../access';
import { UrgentServiceTypeRecord, type UrgentServiceType } from '../domain/urgent-service-type';

const SOURCES = ['FEDERAL', 'SEED', 'IRKUTSK', 'REGIONAL'];

/** ADMIN: adds or changes an urgent service in the regional catalogue (a code is never deleted: `active: false` retires it). */
export function setUrgentServiceType(
  ctx: CaseContext,
  i: { code: string; name: string; source: string; unit: string; anonymousAllowed: boolean; active: boolean },
) {
  return inChange(ctx, 'setUrgentServiceType', ADMINISTER_CATALOGUE, async (tx) => {
    if (!/^[A-Z][A-Z0-9_]{1,49}$/.test(i.code))
      throw new ValidationError('input.code', 'CODE_FORMAT', 'a code is UPPER_SNAKE_CASE, 2–50 characters');
    if (!i.name.trim()) throw new ValidationError('input.name', 'REQUIRED', 'must not be empty');
    if (!SOURCES.includes(i.source))
      throw new ValidationError('input.source', 'ONE_OF', `one of ${SOURCES.join(', ')}`);
    if (!i.unit.trim()) throw new ValidationError('input.unit', 'REQUIRED', 'must not be empty');
    await tx.upsert(UrgentServiceTypeRecord, {
      code: i.code,
      name: i.name.trim(),
      source: i.source as UrgentServiceType['source'],
      unit: i.unit.trim(),
      anonymousAllowed: i.anonymousAllowed,
      active: i.active,
    });
    return (await tx.findOne(UrgentServiceTypeRecord, { code: i.code }))!;
  });
}
