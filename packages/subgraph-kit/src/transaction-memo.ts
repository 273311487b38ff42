import type { EntityManager } from '@mikro-orm/core';

const memos = new WeakMap<object, Map<string, Promise<unknown>>>();

/**
 * Reference data (the production calendar, regional parameters) read once
 * per transaction: a consumer's batch handles up to a hundred referrals in
 * one transaction, each of which would otherwise load the same rows again.
 * Within one transaction the answer cannot change unless the transaction
 * itself writes them, and those writers call `forgetInTransaction`. Outside
 * a transaction nothing is kept.
 */
export function memoInTransaction<T>(em: EntityManager, key: string, load: () => Promise<T>): Promise<T> {
  const tx = em.getTransactionContext<object>();
  if (!tx) return load();
  let memo = memos.get(tx);
  if (!memo) memos.set(tx, (memo = new Map()));
  const known = memo.get(key) as Promise<T> | undefined;
  if (known) return known;
  const loading = load();
  memo.set(key, loading);
  loading.catch(() => memo.delete(key));
  return loading;
}

/** After writing reference data: this transaction's later reads see the new rows. */
export function forgetInTransaction(em: EntityManager, keyPrefix: string): void {
  const tx = em.getTransactionContext<object>();
  const memo = tx && memos.get(tx);
  if (!memo) return;
  for (const k of [...memo.keys()]) if (k.startsWith(keyPrefix)) memo.delete(k);
}
