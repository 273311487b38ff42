import type { EntityManager } from '@mikro-orm/core';
import { allows, authorize, type AccessRule, type Principal } from '@sc/auth';
import { ForbiddenError, parseTerritory, territoryScope, ValidationError, type IsoDate } from '@sc/kernel';
import { todayOf, type RequestContext, type ServiceDeps } from './context';

/** What a module's query gets: the request's EntityManager, the caller, today's date and the service. */
export interface ReadScope {
  em: EntityManager;
  principal: Principal;
  today: IsoDate;
  deps: ServiceDeps;
  /** The ОКТМО prefix the caller's territory covers (`25` for the region, `25607` for one district). */
  territoryPrefix: string;
  /** Filter for a list of cases: those whose territory the caller's covers (an ОКТМО prefix). */
  inTerritory: TerritoryFilter;
  /** The same, narrowed to a territory the caller names (a district, or a group) inside their own. */
  within(named: string | null | undefined, field: string): TerritoryFilter;
}

export type TerritoryFilter = { territory: { $like: string } };

/** A list's territory filter: the caller's territory, or a part of it they name (else FORBIDDEN naming the field). */
export function territoryFilterOf(p: Principal, named: string | null | undefined, field: string): TerritoryFilter {
  const own = territoryScope(p.territory);
  if (named == null) return { territory: { $like: `${own}%` } };
  const scope = territoryScope(parseTerritory(named, field));
  if (!scope.startsWith(own))
    throw new ForbiddenError(`${field}: ${named} is outside your territory ${p.territory}`, {
      field,
      rule: 'TERRITORY',
    });
  return { territory: { $like: `${scope}%` } };
}

/** A query of a module's application layer, run by {@link inRead}. */
export type Read<T> = (scope: ReadScope) => Promise<T>;

/**
 * The read side's `inChange`: authorise the caller for the operation, run the
 * module's query, hold its answer to the caller's territory, and audit every
 * person whose data the answer holds (any object, or element of a list, with
 * a `citizenId`). Query resolvers are one line over it.
 */
export async function inRead<T>(ctx: RequestContext, operation: string, rule: AccessRule, read: Read<T>): Promise<T> {
  const p = ctx.principal;
  authorize(p, rule, operation);
  const territoryPrefix = territoryScope(p.territory);
  const found = await read({
    em: ctx.em,
    principal: p,
    today: todayOf(ctx),
    deps: ctx.deps,
    territoryPrefix,
    inTerritory: { territory: { $like: `${territoryPrefix}%` } },
    within: (named, field) => territoryFilterOf(p, named, field),
  });
  const result = withinTerritory(p, rule, operation, found);
  for (const citizenId of citizensIn(result)) ctx.audit.read(citizenId, `Query.${operation}`);
  return result;
}

/** A person's case (it has a `citizenId`) or a territorial record (a commission meeting has a `territory`). */
const isCase = (r: unknown): r is { citizenId?: unknown; territory?: unknown } =>
  r !== null && typeof r === 'object' && ('citizenId' in r || 'territory' in r);

/**
 * The second line behind each list's own filter (`inTerritory`): a case
 * outside the caller's territory is refused when asked for by id and left
 * out of a list. A case without a territory is covered by no one.
 */
function withinTerritory<T>(p: Principal, rule: AccessRule, operation: string, result: T): T {
  const territoryOf = (r: { territory?: unknown }) => (typeof r.territory === 'string' ? r.territory : '');
  const covered = (r: unknown) => !isCase(r) || allows(p, rule, territoryOf(r));
  if (Array.isArray(result)) return result.filter(covered) as T;
  if (isConnection(result)) return { ...result, edges: result.edges.filter((e) => covered(e.node)) };
  if (isCase(result)) authorize(p, rule, operation, territoryOf(result));
  return result;
}

const isConnection = (r: unknown): r is { edges: { node: unknown }[] } =>
  r !== null && typeof r === 'object' && Array.isArray((r as { edges?: unknown }).edges);

function citizensIn(result: unknown): string[] {
  if (Array.isArray(result)) return result.flatMap(citizensIn);
  if (isConnection(result)) return result.edges.flatMap((e) => citizensIn(e.node));
  const id = (result as { citizenId?: unknown } | null)?.citizenId;
  return typeof id === 'string' ? [id] : [];
}

/** An optional whole-number argument within bounds (page sizes, day windows), else BAD_USER_INPUT naming it. */
export function boundedArg(value: number | null | undefined, field: string, fallback: number, max: number): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < 1 || v > max)
    throw new ValidationError(field, 'RANGE', `must be between 1 and ${max}`);
  return v;
}
