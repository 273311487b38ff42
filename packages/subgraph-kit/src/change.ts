import { OptimisticLockError, type EntityManager } from '@mikro-orm/core';
import { authorize, type AccessRule, type Principal } from '@sc/auth';
import { ConflictError, dateOf, NotFoundError, type IsoDate } from '@sc/kernel';
import { writeAudit, type AuditEntry } from './audit';
import type { ServiceDeps } from './context';

/** What a use case needs from the request (a RequestContext satisfies it). */
export interface CaseContext {
  principal: Principal;
  em: EntityManager;
  deps: ServiceDeps;
}

/** One change in progress: its clock reading and the audit entries it collects. */
export class Change {
  readonly entries: AuditEntry[] = [];
  constructor(
    readonly now: Date,
    readonly p: Principal,
    readonly operation: string,
  ) {}
  get today(): IsoDate {
    return dateOf(this.now);
  }
  get by(): string {
    return this.p.subject;
  }
  audit(citizenId: string, entity: string, entityId: string): void {
    this.entries.push({ citizenId, operation: this.operation, action: 'CHANGE', entity, entityId });
  }
}

/**
 * Runs a use case as one transaction: authorised first, then the state
 * change, its outgoing messages (outbox) and its audit entries commit
 * together. A concurrent change of the same aggregate (optimistic lock) is a
 * CONFLICT the caller can retry.
 */
export async function inChange<T>(
  ctx: CaseContext,
  operation: string,
  rule: AccessRule,
  fn: (tx: EntityManager, c: Change) => Promise<T>,
): Promise<T> {
  authorize(ctx.principal, rule, operation);
  const c = new Change(ctx.deps.clock.now(), ctx.principal, operation);
  try {
    return await ctx.deps.outbox.transaction(ctx.em, async (tx) => {
      const r = await fn(tx, c);
      await tx.flush();
      await writeAudit(tx, ctx.principal, c.entries);
      return r;
    });
  } catch (e) {
    if (e instanceof OptimisticLockError) {
      throw new ConflictError(
        'CONCURRENT_MODIFICATION',
        `${operation}: the record was changed by someone else meanwhile; reload and try again`,
        { rule: 'OPTIMISTIC_LOCK' },
      );
    }
    throw e;
  }
}

export async function mustFind<T extends object>(
  em: EntityManager,
  entity: new () => T,
  id: string,
  field: string,
  name = entity.name,
): Promise<T> {
  const r = await em.findOne(entity, { id } as never);
  if (!r) throw new NotFoundError(name, id, field);
  return r as T;
}
