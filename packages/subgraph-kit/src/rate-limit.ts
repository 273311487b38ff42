import pg from 'pg';

/** Counts hits per key in fixed windows; shared by every gateway replica when it is PostgreSQL. */
export interface RateLimitStore {
  /** Records one hit of `key` in the window starting at `windowStart` (epoch seconds); returns the window's count. */
  hit(key: string, windowStart: number): Promise<number>;
  close(): Promise<void>;
}

export interface RateLimitOptions {
  store: RateLimitStore;
  /** Requests a subject (the token's `sub`) may make per window. */
  perSubject: number;
  /** Requests one client address may make per window (counted before the token is checked). */
  perAddress: number;
  windowSeconds: number;
}

/** Too many requests: HTTP 429 with Retry-After (seconds until the window ends). */
export class RateLimitedError extends Error {
  constructor(
    readonly retryAfterSeconds: number,
    readonly scope: 'subject' | 'address',
  ) {
    super(`rate limit of this ${scope} reached`);
  }
}

/** A fixed-window limiter over a store: `check` throws RateLimitedError when the key's window is full. */
export function rateLimiter(o: RateLimitOptions) {
  return async (scope: 'subject' | 'address', id: string, nowMs = Date.now()): Promise<void> => {
    const now = Math.floor(nowMs / 1000);
    const windowStart = now - (now % o.windowSeconds);
    const count = await o.store.hit(`${scope}:${id}`, windowStart);
    const limit = scope === 'subject' ? o.perSubject : o.perAddress;
    if (count > limit) throw new RateLimitedError(windowStart + o.windowSeconds - now, scope);
  };
}

/**
 * The counters in PostgreSQL: one upsert per hit, so replicas behind a load
 * balancer share them. Old windows are deleted now and then by the replica
 * that happens to hit the cleanup turn.
 */
export class PostgresRateLimitStore implements RateLimitStore {
  private readonly pool: pg.Pool;
  private ready?: Promise<unknown>;
  private hits = 0;

  constructor(connectionString: string) {
    this.pool = new pg.Pool({ connectionString, max: 5 });
    // An idle connection the server closes (restart, shutdown) must not crash the gateway; the next hit reconnects.
    this.pool.on('error', () => undefined);
  }

  async hit(key: string, windowStart: number): Promise<number> {
    this.ready ??= this.pool.query(
      `create table if not exists gateway_rate_limit (
         key text not null, window_start bigint not null, hits int not null,
         primary key (key, window_start))`,
    );
    await this.ready;
    if (++this.hits % 1000 === 0)
      void this.pool
        .query('delete from gateway_rate_limit where window_start < $1', [windowStart - 3600])
        .catch(() => undefined);
    const r = await this.pool.query<{ hits: number }>(
      `insert into gateway_rate_limit (key, window_start, hits) values ($1, $2, 1)
       on conflict (key, window_start) do update set hits = gateway_rate_limit.hits + 1
       returning hits`,
      [key, windowStart],
    );
    return r.rows[0]!.hits;
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

/** One process only (a single gateway replica, tests): the same limits without a database. */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly counts = new Map<string, number>();
  async hit(key: string, windowStart: number): Promise<number> {
    const k = `${windowStart}|${key}`;
    const n = (this.counts.get(k) ?? 0) + 1;
    this.counts.set(k, n);
    if (this.counts.size > 100_000) this.counts.clear();
    return n;
  }
  async close(): Promise<void> {}
}
