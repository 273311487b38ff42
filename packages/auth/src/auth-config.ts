import { z } from 'zod';

/**
 * Only for the embedded default and tests. A deployment sets JWT_JWKS_URL
 * (the regional identity provider) or its own JWT_SECRET; with
 * NODE_ENV=production this default is refused.
 */
export const DEV_JWT_SECRET = 'dev-only-social-contract-federation-secret-do-not-deploy';

export const authEnvSchema = z.object({
  JWT_SECRET: z.string().min(32, 'JWT_SECRET must be at least 32 characters').optional(),
  JWT_JWKS_URL: z.url().optional(),
  JWT_ISSUER: z.string().default('sc-dev-idp'),
  JWT_AUDIENCE: z.string().default('social-contract-federation'),
  /** Longest accepted token lifetime (exp − iat, and exp − now), seconds; a token without exp is refused. */
  JWT_MAX_LIFETIME_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(12 * 3600),
  NODE_ENV: z.string().optional(),
});

export interface AuthConfig {
  secret?: string;
  jwksUrl?: string;
  issuer: string;
  audience: string;
  /** Longest accepted lifetime of a token, seconds (default 12 h). */
  maxLifetimeSeconds: number;
}

export function authConfigFrom(raw: z.input<typeof authEnvSchema>): AuthConfig {
  const env = authEnvSchema.parse(raw);
  if (!env.JWT_SECRET && !env.JWT_JWKS_URL && env.NODE_ENV === 'production') {
    throw new Error('JWT_SECRET or JWT_JWKS_URL must be set when NODE_ENV=production');
  }
  return {
    secret: env.JWT_JWKS_URL ? undefined : (env.JWT_SECRET ?? DEV_JWT_SECRET),
    jwksUrl: env.JWT_JWKS_URL,
    issuer: env.JWT_ISSUER,
    audience: env.JWT_AUDIENCE,
    maxLifetimeSeconds: env.JWT_MAX_LIFETIME_SECONDS,
  };
}
