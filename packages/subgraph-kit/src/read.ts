import type { EntityManager } from '@mikro-orm/core';
import { authorize, type AccessRule, type Principal } from '@sc/auth';
import { ValidationError, type IsoDate } from '@sc/kernel';
import { todayOf, type RequestContext, type ServiceDeps } from './context';

/** What a module's query gets: the request's EntityManager, the caller, today's date and the service. */
export interface ReadScope {
  em: EntityManager;
  principal: Principal;
  today: IsoDate;
  deps: ServiceDeps;
}

/** A query of a module's application layer, run by {@link inRead}. */
export type Read<T> = (scope: ReadScope) => Promise<T>;

/**
 * The read side's `inChange`: authorise the caller for the operation, run the
 * module's query, and audit every person whose data the answer holds (any
 * object, or element of a list, with a `citizenId`). Query resolvers are one
 * line over it.
 */
export async function inRead<T>(ctx: RequestContext, operation: string, rule: AccessRule, read: Read<T>): Promise<T> {
  authorize(ctx.principal, rule, operation);
  const result = await read({ em: ctx.em, principal: ctx.principal, today: todayOf(ctx), deps: ctx.deps });
  for (const citizenId of citizensIn(result)) ctx.audit.read(citizenId, `Query.${operation}`);
  return result;
}

function citizensIn(result: unknown): string[] {
  if (Array.isArray(result)) return result.flatMap(citizensIn);
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
