import { allows, authorize, statisticsOnly, type AccessRule } from '@sc/auth';
import { dateOf, maskSnils, parseSnils, territoryScope } from '@sc/kernel';
import type { CitizenRecord } from './citizen-directory';
import type { RequestContext } from './context';
import { listTerritories } from './territories';

/**
 * Root fields every subgraph answers identically (@shareable): they return a
 * reference only, and each subgraph then contributes its own Citizen fields.
 * Looking up by СНИЛС needs no database: the key is derived from it.
 */
export const sharedCitizenQueries = {
  citizen: (_: unknown, args: { id: string }) => ({ id: args.id }),
  citizenBySnils: (_: unknown, args: { snils: string }, ctx: RequestContext) => ({
    id: ctx.deps.directory.keyFor(parseSnils(args.snils, 'snils')),
  }),
  // Reference data, not personal: any signed-in user, within their own territory.
  territories: (_: unknown, args: { onDate?: string | null }, ctx: RequestContext) =>
    listTerritories(ctx.em, args.onDate ?? dateOf(ctx.deps.clock.now()), territoryScope(ctx.principal.territory)),
};

export function citizenProfile(c: CitizenRecord) {
  return {
    lastName: c.lastName,
    firstName: c.firstName,
    middleName: c.middleName ?? null,
    birthDate: c.birthDate,
    snilsMasked: c.snils ? maskSnils(c.snils) : null,
    hasSnils: Boolean(c.snils),
    phone: c.phone ?? null,
    address: c.address ?? null,
  };
}

/** Batched load of this agency's record for each citizen key (aliases resolved). */
export async function loadCitizenRecord(ctx: RequestContext, id: string): Promise<CitizenRecord | null> {
  return ctx
    .loader<string, CitizenRecord | null>('citizen-record', (ids, em) => ctx.deps.directory.findMany(em, ids))
    .load(id);
}

/**
 * This agency's record of the citizen if the caller may see it (rule, and the
 * territory of the office serving the person), auditing the read; null otherwise. A caller outside the rule sees null/empty, not an
 * error, so a gateway query mixing agencies still answers what it may — except an analyst, whom every per-person field refuses.
 */
export async function visibleCitizenRecord(
  ctx: RequestContext,
  rule: AccessRule,
  id: string,
  field: string,
): Promise<CitizenRecord | null> {
  if (!allows(ctx.principal, rule)) {
    if (statisticsOnly(ctx.principal)) authorize(ctx.principal, rule, `Citizen.${field}`); // an analyst is told, not shown null
    return null;
  }
  const rec = await loadCitizenRecord(ctx, id);
  if (!rec || !allows(ctx.principal, rule, rec.territory)) return null;
  ctx.audit.read(rec.id, `Citizen.${field}`);
  return rec;
}

/**
 * One of this agency's Citizen fields: what `load` finds for the person when
 * the caller's rule allows it (the read audited), `hidden` otherwise.
 */
export async function citizenField<T>(
  ctx: RequestContext,
  rule: AccessRule,
  id: string,
  field: string,
  load: (recordId: string, record: CitizenRecord) => Promise<T> | T,
  hidden: T,
): Promise<T> {
  const rec = await visibleCitizenRecord(ctx, rule, id, field);
  return rec ? load(rec.id, rec) : hidden;
}

/** This agency's own copy of the person's data, as a Citizen field (`…Profile`). */
export const citizenProfileField = (ctx: RequestContext, rule: AccessRule, id: string, field: string) =>
  citizenField(ctx, rule, id, field, (_id, rec) => citizenProfile(rec), null);

/**
 * A sensitive Citizen field: refused with FORBIDDEN (not hidden) to a caller
 * outside the rule or the person's territory, so a misconfigured client
 * learns it at once; every read audited.
 */
export async function sensitiveCitizenField<T>(
  ctx: RequestContext,
  rule: AccessRule,
  id: string,
  field: string,
  load: (recordId: string) => Promise<T> | T,
  none: T,
): Promise<T> {
  authorize(ctx.principal, rule, `Citizen.${field}`);
  const rec = await loadCitizenRecord(ctx, id);
  if (!rec) return none;
  authorize(ctx.principal, rule, `Citizen.${field}`, rec.territory);
  ctx.audit.read(rec.id, `Citizen.${field}`);
  return load(rec.id);
}

/** The person as it travels in a message (PersonData of @sc/contracts). */
export function personDataOf(c: CitizenRecord) {
  return {
    snils: c.snils ?? undefined,
    lastName: c.lastName,
    firstName: c.firstName,
    middleName: c.middleName ?? undefined,
    birthDate: c.birthDate,
    phone: c.phone ?? undefined,
    address: c.address ?? undefined,
  };
}
