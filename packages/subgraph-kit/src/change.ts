import { OptimisticLockError, type EntityManager } from '@mikro-orm/core';
import { authorize, type AccessRule, type Principal } from '@sc/auth';
import { ConflictError, dateOf, NotFoundError, type IsoDate } from '@sc/kernel';
import { writeAudit, type AuditEntry } from './audit';
import type { ServiceDeps } from './context';
import { logWork, type WorkedCase } from './work-log';

/** What a use case needs from the request (a RequestContext satisfies it). */
export interface CaseContext {
  principal: Principal;
  em: EntityManager;
  deps: ServiceDeps;
}

/** A case as the access policy sees it: whose it is and which territory serves it. */
export interface CaseRef {
  citizenId: string;
  /** ОКТМО code of the district or city okrug whose office serves the case. */
  territory: string;
}

/** One change in progress: its clock reading and the audit entries it collects. */
export class Change {
  readonly entries: AuditEntry[] = [];
  /** The cases changed, in order: the first one carries the case worker's normed time. */
  readonly worked: WorkedCase[] = [];
  constructor(
    readonly now: Date,
    readonly p: Principal,
    readonly operation: string,
    private readonly rule: AccessRule,
  ) {}
  get today(): IsoDate {
    return dateOf(this.now);
  }
  get by(): string {
    return this.p.subject;
  }
  /** FORBIDDEN unless the caller's territory covers the case's: call it as soon as the case is loaded. */
  guard(row: { territory: string }): void {
    authorize(this.p, this.rule, this.operation, row.territory);
  }
  /**
   * Records the change of a case for the audit trail. It guards the case
   * again, so no change of a case outside the caller's territory can commit
   * even where a use case forgot to guard at load.
   */
  audit(row: CaseRef, entity: string, entityId: string): void {
    this.guard(row);
    this.worked.push({ territory: row.territory, entity, entityId });
    this.entries.push({ citizenId: row.citizenId, operation: this.operation, action: 'CHANGE', entity, entityId });
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
  const c = new Change(ctx.deps.clock.now(), ctx.principal, operation, rule);
  try {
    return await ctx.deps.outbox.transaction(ctx.em, async (tx) => {
      const r = await fn(tx, c);
      await tx.flush();
      await writeAudit(tx, ctx.principal, c.entries);
      const minutes = c.worked[0] ? ((await ctx.deps.workNorms?.minutes(tx, operation, c.today)) ?? 0) : 0;
      if (minutes > 0) await logWork(tx, ctx.principal, operation, c.worked[0]!, minutes, c.now);
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

/** A case by id, guarded by the caller's territory before anything else is said about it. */
export async function findCase<T extends { territory: string }>(
  tx: EntityManager,
  c: Change,
  entity: new () => T,
  id: string,
  field: string,
  name = entity.name,
): Promise<T> {
  const row = await mustFind(tx, entity, id, field, name);
  c.guard(row);
  return row;
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
