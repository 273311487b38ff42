/**
 * npm run bench, part 1: the referral path after КЦСОН's commit with full
 * batches (a backlog let go at once), beside the end-to-end runs of
 * `bench-referrals.ts`.
 */
import { sleep } from '@sc/kernel';
import { RELAY_LEADER_LOCK } from '@sc/messaging';
import { Client } from 'pg';
import { f1, pool, SENDERS } from './bench-common';
import { cpuLine, type statementCounter } from './bench-referral-costs';
import type { BenchResults } from './bench-results';
import type { ServiceName } from './stack';

/** What the backlog run needs of part 1's probe. */
export interface BacklogProbe {
  prepare(n: number): Promise<string[]>;
  refer(citizenId: string): Promise<void>;
  sentAt: Map<string, number>;
  arrivals: {
    wait(sentAt: Map<string, number>): Promise<{
      atSocialProtection: Map<string, number>;
      acceptedBack: Map<string, number>;
    }>;
  };
  statements: ReturnType<typeof statementCounter>;
  cpu(): Record<string, number>;
  databases: Record<ServiceName, string>;
}

/**
 * The path after КЦСОН's commit on its own, with full batches: n
 * referrals committed at КЦСОН while its relay cannot publish (the bench
 * holds the relay's leader lock — to КЦСОН, a broker it cannot reach), then
 * the relay let go: it publishes the backlog in batches of 500, and ЦСПН's
 * consumer takes up to CONSUMER_BATCH_SIZE records of a partition per
 * transaction. The rate is the referrals over the time from the relay's
 * first publish of one to the last acceptance committed back in КЦСОН —
 * what both relays, the broker and both consumers carry, without КЦСОН's
 * API call, which sets the end-to-end rate above. The CPU is counted from
 * that first publish (± the 100 ms this client polls), the statements from
 * the moment the relay is let go.
 */
export async function backlogRun(
  p: BacklogProbe,
  results: BenchResults,
  key: string,
  n: number,
  detail: boolean,
): Promise<string[]> {
  const backlog = await p.prepare(n);
  p.sentAt.clear();
  const relay = await holdRelay(p.databases['social-service']);
  try {
    await pool(backlog, SENDERS, p.refer);
  } finally {
    await p.statements.reset();
    await relay.letGo();
  }
  const first = await relay.firstPublished(); // the relay has taken its lock back (at its standby poll)
  const cpu0 = p.cpu();
  const arrived = await p.arrivals.wait(p.sentAt);
  const cpu1 = p.cpu();
  await relay.close();
  const back = [...arrived.acceptedBack.values()];
  const rate = back.length / ((Math.max(...back) - first) / 1000);
  results.add(`${key}.rate`, '/s', 'higher', rate);
  results.add(`${key}.delivered`, '%', 'higher', (100 * back.length) / p.sentAt.size);
  return [
    `   backlog of ${n} committed at КЦСОН while its relay could not publish, then let go: ${back.length}/${p.sentAt.size} back at ${f1(rate)}/s (КЦСОН's first publish → last acceptance back)`,
    cpuLine(results, key, cpu0, cpu1, n),
    ...(await p.statements.perReferral(results, key, n, detail)),
  ];
}

/**
 * Takes the relay's leader lock in `database` from the relay (its
 * connection ended, the lock taken before it reconnects), so nothing
 * committed there is published until `letGo`; then when the first row
 * committed since was published (epoch ms).
 */
async function holdRelay(database: string) {
  const c = new Client({ connectionString: database, application_name: 'bench-holds-the-relay' });
  const watch = new Client({ connectionString: database, application_name: 'bench-watches-the-relay' });
  await Promise.all([c.connect(), watch.connect()]);
  for (const until = Date.now() + 30_000; ; await sleep(5)) {
    await c.query(
      `select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and application_name = 'outbox-relay'`,
    );
    const { rows } = await c.query<{ ok: boolean }>('select pg_try_advisory_lock($1) as ok', [RELAY_LEADER_LOCK]);
    if (rows[0]!.ok) break;
    if (Date.now() > until) throw new Error('could not take the relay lock');
  }
  const since = (await watch.query<{ t: Date }>('select now() as t')).rows[0]!.t;
  return {
    // The session ends, the lock with it; the relay takes it at its next standby poll.
    letGo: () => c.end(),
    async firstPublished(): Promise<number> {
      for (const until = Date.now() + 60_000; Date.now() < until; await sleep(100)) {
        const { rows } = await watch.query<{ t: string | null }>(
          `select extract(epoch from min(published_at)) * 1000 as t from outbox_message where created_at >= $1`,
          [since],
        );
        if (rows[0]!.t !== null) return Number(rows[0]!.t);
      }
      throw new Error('the relay published nothing within a minute of being let go');
    },
    close: () => watch.end(),
  };
}
