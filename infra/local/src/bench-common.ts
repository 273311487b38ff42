import { authConfigFrom } from '@sc/auth';
import { createLogger } from '@sc/runtime';

/** The dev identity provider's settings every part of the benchmark signs its tokens with. */
export const BENCH_AUTH = authConfigFrom({ JWT_ISSUER: 'sc-dev-idp', JWT_AUDIENCE: 'social-contract-federation' });
export const SILENT = createLogger('bench', 'silent');

/** The p-th percentile (nearest rank) of a sample. */
export const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
};
export const f1 = (x: number): string => x.toFixed(1);

/** Runs `fn` over `items` with `n` workers. */
export async function pool<T>(items: T[], n: number, fn: (t: T) => Promise<void>): Promise<void> {
  let i = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (i < items.length) await fn(items[i++]!);
    }),
  );
}
