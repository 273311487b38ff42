/**
 * Pauses inside the processes over a steady run of bench part 1, read from
 * each process's own `/metrics` (prom-client's default metrics): the longest
 * event-loop delay (`monitorEventLoopDelay`, which prom-client resets at
 * every scrape, so the scrape at the start opens the window) and the time
 * spent in garbage collection, with the collections of 100 ms or more. A
 * referral held while its service's event loop stood still shows here, not
 * in the CPU shares of `bench-stalls.ts`.
 */
import { metric, scrape, type Sample } from '@sc/testing';
import { f1 } from './bench-common';
import type { BenchResults } from './bench-results';

/** Collections of 100 ms or more so far: all of them less those in the buckets up to 0.1 s. */
const longCollections = (s: Sample[]): number =>
  (metric(s, 'nodejs_gc_duration_seconds_count') ?? 0) -
  (metric(s, 'nodejs_gc_duration_seconds_bucket', { le: '0.1' }) ?? 0);

/** `urls`: each process's HTTP address (its /graphql or its root) by name. */
export function pauseProbe(urls: Record<string, string>) {
  const names = Object.keys(urls);
  const scrapeAll = async () =>
    Object.fromEntries(await Promise.all(names.map(async (n) => [n, await scrape(urls[n]!)])));
  let before: Record<string, Sample[]> = {};
  return {
    /** Opens the window (and resets each process's event-loop delay histogram). */
    async start(): Promise<void> {
      before = await scrapeAll();
    },
    /** One line on the window since `start`; the longest event-loop delay of any process is recorded under `key`. */
    async line(results: BenchResults, key: string): Promise<string> {
      const after = await scrapeAll();
      let worst = 0;
      const each = names.map((n) => {
        const loopMs = 1000 * (metric(after[n]!, 'nodejs_eventloop_lag_max_seconds') ?? 0);
        worst = Math.max(worst, loopMs);
        const gcSeconds = (s: Sample[]) => metric(s, 'nodejs_gc_duration_seconds_sum') ?? 0;
        const gcMs = 1000 * (gcSeconds(after[n]!) - gcSeconds(before[n] ?? []));
        const long = longCollections(after[n]!) - longCollections(before[n] ?? []);
        return `${n} ${f1(loopMs)} ms (GC ${f1(gcMs)} ms${long ? `, ${long} of ≥ 100 ms` : ''})`;
      });
      results.add(`${key}.event-loop-max`, 'ms', 'lower', worst);
      return `      longest event-loop delay over the run, by process: ${each.join(', ')}`;
    },
  };
}
