import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { authConfigFrom, authEnvSchema, type AuthConfig } from '@sc/auth';
import { ConfigError, envInt, loadConfig } from '@sc/runtime';
import { SUPERGRAPH_PATH } from './supergraph';

export interface GatewayConfig {
  port: number;
  supergraphSdl: string;
  subgraphUrls: Record<string, string | undefined>;
  auth: AuthConfig;
  logLevel: string;
  /** Signs the per-request assertion the subgraphs require (GATEWAY_SECRET; required in production). */
  gatewaySecret?: string;
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
    }),
    env,
    'gateway',
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
  };
}
