import { AsyncLocalStorage } from 'node:async_hooks';
import { LockMode, type EntityManager, type EntityName } from '@mikro-orm/core';
import { execInTx } from './sql';

/** What the batch knows of one table: the ids the batch could ask about, those present, those answered. */
interface Known {
  candidates: Set<string>;
  present: Set<string>;
  answered: Set<string>;
}

/**
 * A consumer's batch, seen from its handlers: the bodies of its records, so
 * that a lookup each record would make on its own — "is this referral new?",
 * "is this person registered?" — is made once for the whole batch (issue 15:
 * at ЦСПН two of a referral's seven statements were such lookups, and a new
 * referral of a new person finds nothing in either).
 */
class BatchScope {
  private readonly kinds = new Map<string, Known>();
  private readonly loaded = new Set<string>();

  constructor(
    readonly tx: unknown,
    readonly bodies: readonly unknown[],
  ) {}

  /** The ids the batch's bodies name (`idOf` over every body, whatever its type), each once. */
  private idsNamed(idOf: (body: unknown) => string | undefined): Set<string> {
    return new Set(this.bodies.map(idOf).filter((x): x is string => typeof x === 'string'));
  }

  async knownAbsent(
    em: EntityManager,
    table: string,
    id: string,
    idOf: (body: unknown) => string | undefined,
  ): Promise<boolean> {
    let k = this.kinds.get(table);
    if (!k) {
      const candidates = this.idsNamed(idOf);
      const ids = [...candidates];
      const rows = ids.length
        ? await execInTx<{ id: string }[]>(
            em,
            `select id from ${table} where id in (${ids.map(() => '?').join(', ')})`,
            ids,
          )
        : [];
      k = { candidates, present: new Set(rows.map((r) => r.id)), answered: new Set() };
      this.kinds.set(table, k);
    }
    // Absent once: whoever asked goes on to create it (or the batch fails), so a later record of the batch
    // asking about the same id must look for real.
    const absent = k.candidates.has(id) && !k.present.has(id) && !k.answered.has(id);
    k.answered.add(id);
    return absent;
  }

  async load<E extends object>(em: EntityManager, entity: EntityName<E>, idOf: (body: unknown) => string | undefined) {
    const name = em.getMetadata().get(entity as string).className;
    if (this.loaded.has(name)) return;
    this.loaded.add(name);
    const ids = [...this.idsNamed(idOf)];
    if (!ids.length) return;
    // Locked in key order, as any two batches would take them: no deadlock between batches.
    await em.find(entity, { id: { $in: ids } } as never, {
      lockMode: LockMode.PESSIMISTIC_WRITE,
      orderBy: { id: 'asc' } as never,
    });
  }
}

const scope = new AsyncLocalStorage<BatchScope>();

/** Runs a batch's handlers (`fn`, in `em`'s transaction) with the bodies of its fresh records known to them. */
export function withBatchLookahead<T>(em: EntityManager, bodies: readonly unknown[], fn: () => Promise<T>): Promise<T> {
  return scope.run(new BatchScope(em.getTransactionContext(), bodies), fn);
}

/**
 * Whether the row of `table` with primary key `id` is known not to exist —
 * true only inside a consumer's batch, for an id one of its records carries
 * (`idOf`, over every body of the batch, whatever its type), looked up with
 * the others in one query for the whole batch, and not answered before.
 * Otherwise false: the caller looks it up as it would alone.
 *
 * What this costs in correctness: nothing. The batch reads at its start
 * what it would have read a moment later; a row another transaction
 * commits in between (the same person registered at the counter) makes the
 * caller's insert fail on its key, the batch roll back, and its records be
 * handled one at a time, each with its own lookups.
 */
export async function knownAbsent(
  em: EntityManager,
  table: string,
  id: string,
  idOf: (body: unknown) => string | undefined,
): Promise<boolean> {
  const batch = scope.getStore();
  if (!batch || batch.tx !== em.getTransactionContext()) return false;
  return batch.knownAbsent(em, table, id, idOf);
}

/**
 * Inside a consumer's batch: loads every row of `entity` whose key one of
 * the batch's bodies names (`idOf`, over every body whatever its type), in
 * one query for the whole batch, locked (FOR UPDATE) until the batch
 * commits — so each record's lookup by key is answered by the
 * EntityManager's identity map, and what the batch read cannot change
 * under it before it writes (a specialist's change of the same row waits
 * for the batch). Once per entity type and batch; outside a batch, nothing.
 * Useful only with the handler's `flush: 'batch'` (a 'record' handler's
 * EntityManager is cleared after each record).
 */
export async function loadForBatch<E extends object>(
  em: EntityManager,
  entity: EntityName<E>,
  idOf: (body: unknown) => string | undefined,
): Promise<void> {
  const batch = scope.getStore();
  if (!batch || batch.tx !== em.getTransactionContext()) return;
  await batch.load(em, entity, idOf);
}
