import { LRUCache } from 'lru-cache';

const caches = new WeakMap<object, LRUCache<string, { at: number; value: object }>>();
/** Periods kept at most per service (the least recently asked go first); a dashboard asks for a few. */
const MAX_PERIODS = 1000;

/**
 * Computed periods, reused for `ttlMs` (the service's STATISTICS_CACHE_MS):
 * many ministry users opening the same dashboard share one computation, and
 * no figure lags its change by more than that. 0 keeps nothing (tests).
 * One cache per `owner` (the service's dependencies), so the services of the
 * in-process stack never share.
 */
export function periodCache<T extends object>(owner: object, ttlMs: number) {
  let store = caches.get(owner);
  if (!store) caches.set(owner, (store = new LRUCache({ max: MAX_PERIODS })));
  const kept = store;
  return {
    get(key: string): T | undefined {
      const hit = kept.get(key);
      return hit && performance.now() - hit.at < ttlMs ? (hit.value as T) : undefined;
    },
    set(key: string, value: T): T {
      if (ttlMs > 0) kept.set(key, { at: performance.now(), value });
      return value;
    },
  };
}
