import { MemoryRateLimitStore, PostgresRateLimitStore, type RateLimitOptions } from '@sc/subgraph-kit';
import type { GatewayConfig } from './config';

/** The limiter's options, with its store: PostgreSQL when a database is configured, else this process's memory. */
export function rateLimitOf(c: GatewayConfig['rateLimit'], databaseUrl = c.databaseUrl): RateLimitOptions {
  return {
    store: databaseUrl ? new PostgresRateLimitStore(databaseUrl) : new MemoryRateLimitStore(),
    perSubject: c.perSubject,
    perAddress: c.perAddress,
    windowSeconds: c.windowSeconds,
  };
}
