export interface BackoffPolicy {
  initialMs: number;
  maxMs: number;
  factor: number;
}

export const defaultBackoff: BackoffPolicy = { initialMs: 100, maxMs: 30_000, factor: 2 };

/** Exponential backoff with full jitter (attempt counts from 1). */
export function backoffDelay(attempt: number, p: BackoffPolicy = defaultBackoff, random = Math.random): number {
  const ceiling = Math.min(p.maxMs, p.initialMs * p.factor ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
  });
