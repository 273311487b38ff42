import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntityManager } from '@mikro-orm/core';
import { execInTx } from './sql';

/** One multi-row INSERT being gathered: its head (`insert into t (cols)`), its tail (`on conflict …`), its rows. */
interface Gathered {
  head: string;
  tail: string;
  row: string;
  params: unknown[][];
}

/** Rows per INSERT at most: PostgreSQL takes up to 65,535 parameters per statement. */
const MAX_ROWS = 1000;

/**
 * Rows that only ever get appended — outbox messages, audit entries,
 * notifications — gathered while a consumer's batch runs in one transaction
 * and written at its end with one INSERT per table instead of one per
 * record (issue 15: a batch of a hundred referrals made four hundred such
 * round trips). They are written in the same transaction, before it
 * commits, in the order they were appended, so nothing about what commits
 * together changes. Only writes made through the batch's own transaction
 * are gathered; any other (a savepoint, another transaction, no batch at
 * all) is written at once, as before.
 */
class DeferredRows {
  private readonly inserts = new Map<string, Gathered>();

  constructor(readonly tx: unknown) {}

  add(head: string, row: string, tail: string, params: unknown[]): void {
    const key = `${head}\u0000${row}\u0000${tail}`;
    let g = this.inserts.get(key);
    if (!g) this.inserts.set(key, (g = { head, tail, row, params: [] }));
    g.params.push(params);
  }

  async flush(em: EntityManager): Promise<void> {
    for (const g of this.inserts.values())
      for (let i = 0; i < g.params.length; i += MAX_ROWS) {
        const rows = g.params.slice(i, i + MAX_ROWS);
        await execInTx(em, `${g.head} values ${rows.map(() => g.row).join(', ')} ${g.tail}`, rows.flat(), 'run');
      }
    this.inserts.clear();
  }
}

const gathering = new AsyncLocalStorage<DeferredRows>();

/**
 * Runs `fn` inside `em`'s transaction gathering the appended rows, and
 * writes them all before returning (so before the caller commits).
 */
export async function withDeferredRows<T>(em: EntityManager, fn: () => Promise<T>): Promise<T> {
  const rows = new DeferredRows(em.getTransactionContext());
  const result = await gathering.run(rows, fn);
  await rows.flush(em);
  return result;
}

/**
 * Appends rows — `head values row, row … tail`, e.g. `insert into
 * audit_log (…)`, `(?, ?, …)`, `on conflict do nothing` — in `em`'s
 * transaction: at once in one statement, or with the batch's other rows at
 * its end when `em` is the batch's transaction.
 */
export async function appendRows(
  em: EntityManager,
  a: { head: string; row: string; tail?: string; rows: unknown[][] },
): Promise<void> {
  const batch = gathering.getStore();
  const tx = em.getTransactionContext();
  if (batch && tx && batch.tx === tx) {
    for (const params of a.rows) batch.add(a.head, a.row, a.tail ?? '', params);
    return;
  }
  const values = a.rows.map(() => a.row).join(', ');
  await execInTx(em, `${a.head} values ${values} ${a.tail ?? ''}`, a.rows.flat(), 'run');
}
