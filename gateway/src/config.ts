import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { authConfigFrom, authEnvSchema, type AuthConfig } from '@sc/auth';
import { ConfigError, envInt, loadConfig } from '@sc/runtime';
import { SUPERGRAPH_PATH } from './supergraph-path';
import { loadTrustedDocuments } from './trusted-documents';

export interface GatewayConfig {
  port: number;
  supergraphSdl: string;
  subgraphUrls: Record<string, string | undefined>;
  auth: AuthConfig;
  logLevel: string;
  /** Signs the per-request assertion the subgraphs require (GATEWAY_SECRET; required in production). */
  gatewaySecret?: string;
  /** Counters in GATEWAY_DATABASE_URL when set (shared by replicas), else in this process. */
  rateLimit: { databaseUrl?: string; perSubject: number; perAddress: number; windowSeconds: number };
  requestTimeoutMs: number;
  trustProxy: boolean;
  /** TRUSTED_DOCUMENTS_PATH: the front-ends' manifest; when set, nothing else is executed. */
  trustedDocuments?: Map<string, string>;
  /** GraphiQL at `/` and `/graphql` for a browser (GATEWAY_EXPLORER, on by default; never in production). */
  explorer: boolean;
  /** STATISTICS_CACHE_SECONDS: a statistics-only answer served again for this long per caller scope (0: off). */
  statisticsCacheSeconds: number;
  /** STATISTICS_STALE_SECONDS: older up to this, a statistics answer is served once more while the next is computed. */
  statisticsStaleSeconds: number;
}

export function gatewayConfigFromEnv(env: Record<string, string | undefined> = process.env): GatewayConfig {
  const e = loadConfig(
    authEnvSchema.extend({
      GATEWAY_PORT: envInt(4000),
      SUPERGRAPH_PATH: z.string().default(SUPERGRAPH_PATH),
      SOCIAL_PROTECTION_URL: z.url().optional(),
      EMPLOYMENT_URL: z.url().optional(),
      SOCIAL_SERVICE_URL: z.url().optional(),
      LOG_LEVEL: z.string().default('info'),
      GATEWAY_SECRET: z.string().min(32, 'GATEWAY_SECRET must be at least 32 characters').optional(),
      GATEWAY_DATABASE_URL: z
        .string()
        .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
        .optional(),
      RATE_LIMIT_PER_SUBJECT: envInt(600),
      RATE_LIMIT_PER_ADDRESS: envInt(1200),
      RATE_LIMIT_WINDOW_SECONDS: envInt(60),
      GATEWAY_REQUEST_TIMEOUT_MS: envInt(15_000),
      GATEWAY_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
      TRUSTED_DOCUMENTS_PATH: z.string().optional(),
      GATEWAY_EXPLORER: z.enum(['true', 'false']).optional(),
      STATISTICS_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(2),
      STATISTICS_STALE_SECONDS: z.coerce.number().int().min(0).max(60).default(5),
    }),
    env,
    'gateway',
  );
  if (e.NODE_ENV === 'production' && e.GATEWAY_EXPLORER === 'true')
    throw new ConfigError(
      'invalid configuration for gateway:\n  - GATEWAY_EXPLORER: the explorer is never served when NODE_ENV=production',
    );
  if (e.NODE_ENV === 'production' && !e.GATEWAY_SECRET)
    throw new ConfigError(
      'invalid configuration for gateway:\n  - GATEWAY_SECRET must be set when NODE_ENV=production',
    );
  return {
    port: e.GATEWAY_PORT,
    supergraphSdl: readFileSync(e.SUPERGRAPH_PATH, 'utf8'),
    subgraphUrls: {
      'social-protection': e.SOCIAL_PROTECTION_URL,
      employment: e.EMPLOYMENT_URL,
      'social-service': e.SOCIAL_SERVICE_URL,
    },
    auth: authConfigFrom(e),
    logLevel: e.LOG_LEVEL,
    gatewaySecret: e.GATEWAY_SECRET,
    rateLimit: {
      databaseUrl: e.GATEWAY_DATABASE_URL,
      perSubject: e.RATE_LIMIT_PER_SUBJECT,
      perAddress: e.RATE_LIMIT_PER_ADDRESS,
      windowSeconds: e.RATE_LIMIT_WINDOW_SECONDS,
    },
    requestTimeoutMs: e.GATEWAY_REQUEST_TIMEOUT_MS,
    trustProxy: e.GATEWAY_TRUST_PROXY === 'true',
    trustedDocuments: e.TRUSTED_DOCUMENTS_PATH ? loadTrustedDocuments(e.TRUSTED_DOCUMENTS_PATH) : undefined,
    explorer: e.NODE_ENV !== 'production' && e.GATEWAY_EXPLORER !== 'false',
    statisticsCacheSeconds: e.STATISTICS_CACHE_SECONDS,
    statisticsStaleSeconds: e.STATISTICS_STALE_SECONDS,
  };
}
