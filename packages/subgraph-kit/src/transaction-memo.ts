import type { EntityManager } from '@mikro-orm/core';
import { LRUCache } from 'lru-cache';

const memos = new WeakMap<object, Map<string, Promise<unknown>>>();
/** Transactions that wrote reference data: their reads see their own rows, so they bypass the service's cache. */
const writers = new WeakSet<object>();

interface ServiceCache {
  ttlMs: number;
  /** Bounded: parameter rows are kept per day asked about, and a service asks about many days over its life. */
  entries: LRUCache<string, { value: Promise<unknown>; until: number }>;
}
/** Keys a service keeps at most (the least recently used go first). */
const MAX_KEPT = 1000;
/** By the ORM's configuration, which every fork of one service's EntityManager shares (one per database). */
const services = new WeakMap<object, ServiceCache>();
const scopeOf = (em: EntityManager): object => em.config;

/**
 * Reference data is also kept for the whole service a short while
 * (REFERENCE_DATA_CACHE_MS, 10 s by default; 0 keeps nothing): the production
 * calendar and the regional parameters change a few times a year, yet every
 * referral's transaction read them — two of the ten statements of КЦСОН's
 * referral and the whole calendar hydrated as entities. A writer in this
 * process forgets them at once; another replica, or a transaction that read
 * while the change was committing, sees the change within the TTL. Called
 * once per service when its database opens.
 */
export function keepReferenceData(em: EntityManager, ttlMs: number): void {
  if (ttlMs > 0) services.set(scopeOf(em), { ttlMs, entries: new LRUCache({ max: MAX_KEPT }) });
  else services.delete(scopeOf(em));
}

/**
 * The service's kept value, or a fresh load it keeps (a failed load is not
 * kept). A transaction handed another's read still in flight reads for itself
 * if that one fails (e.g. its transaction was already aborted).
 */
function fromServiceCache<T>(em: EntityManager, key: string, load: () => Promise<T>): Promise<T> {
  const cache = services.get(scopeOf(em));
  if (!cache) return load();
  const now = Date.now();
  const kept = cache.entries.get(key);
  if (kept && kept.until > now) return (kept.value as Promise<T>).catch(load);
  const value = load();
  const entry = { value, until: now + cache.ttlMs };
  cache.entries.set(key, entry);
  value.catch(() => cache.entries.peek(key) === entry && cache.entries.delete(key));
  return value;
}

/**
 * Reference data (the production calendar, regional parameters) read once
 * per transaction: a consumer's batch handles up to a hundred referrals in
 * one transaction, each of which would otherwise load the same rows again.
 * Within one transaction the answer cannot change unless the transaction
 * itself writes them, and those writers call `forgetInTransaction`. Outside
 * a transaction nothing is kept. What `load` returns is shared, so it must be
 * plain data that no caller changes (not managed entities).
 */
export function memoInTransaction<T>(em: EntityManager, key: string, load: () => Promise<T>): Promise<T> {
  const tx = em.getTransactionContext<object>();
  if (!tx) return load();
  let memo = memos.get(tx);
  if (!memo) memos.set(tx, (memo = new Map()));
  const known = memo.get(key) as Promise<T> | undefined;
  if (known) return known;
  const loading = writers.has(tx) ? load() : fromServiceCache(em, key, load);
  memo.set(key, loading);
  loading.catch(() => memo.delete(key));
  return loading;
}

/** After writing reference data: this transaction's later reads see the new rows, and the service forgets what it kept. */
export function forgetInTransaction(em: EntityManager, keyPrefix: string): void {
  const cache = services.get(scopeOf(em));
  for (const k of [...(cache?.entries.keys() ?? [])]) if (k.startsWith(keyPrefix)) cache!.entries.delete(k);
  const tx = em.getTransactionContext<object>();
  if (!tx) return;
  writers.add(tx);
  const memo = memos.get(tx);
  for (const k of [...(memo?.keys() ?? [])]) if (k.startsWith(keyPrefix)) memo!.delete(k);
}
