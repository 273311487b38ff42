import { createSecretKey, type KeyObject } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTVerifyGetKey } from 'jose';
import { UnauthenticatedError, type PrincipalAgency, type Role } from '@sc/kernel';
import type { AuthConfig } from './auth-config';
import { principalClaims, type Principal } from './principal';
import { TokenCache } from './token-cache';

export type TokenVerifier = (authorization: string | undefined) => Promise<Principal>;

/**
 * Verifies `Authorization: Bearer …` (signature, issuer, audience, expiry,
 * claims). Used by the gateway and again by every subgraph, so a subgraph
 * called directly is as closed as the gateway.
 */
export function createTokenVerifier(cfg: AuthConfig): TokenVerifier {
  // A KeyObject made once: given raw bytes, jose would import the key through WebCrypto on every request.
  const key: KeyObject | JWTVerifyGetKey = cfg.jwksUrl
    ? createRemoteJWKSet(new URL(cfg.jwksUrl))
    : createSecretKey(Buffer.from(cfg.secret ?? '', 'utf8'));
  // A token already verified is not verified again until it expires (at most a minute later): token-cache.ts.
  const verified = new TokenCache<Principal>();
  return async (authorization) => {
    const m = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!m) throw new UnauthenticatedError('missing bearer token (Authorization: Bearer <jwt>)');
    const principal = await verified.getOrProduce(m[1]!, () => verifyToken(m[1]!, key, cfg));
    return { ...principal, roles: [...principal.roles] };
  };
}

async function verifyToken(
  token: string,
  key: KeyObject | JWTVerifyGetKey,
  cfg: AuthConfig,
): Promise<{ value: Principal; untilSeconds: number }> {
  let payload: { exp?: number; iat?: number };
  try {
    ({ payload } = await jwtVerify(token, key as KeyObject, {
      issuer: cfg.issuer,
      audience: cfg.audience,
      algorithms: cfg.jwksUrl ? undefined : ['HS256'],
      requiredClaims: ['exp'],
    }));
  } catch (e) {
    throw new UnauthenticatedError(`invalid token: ${(e as Error).message}`);
  }
  checkLifetime(payload, cfg.maxLifetimeSeconds);
  const claims = principalClaims.safeParse(payload);
  if (!claims.success)
    throw new UnauthenticatedError(
      `invalid token claims: ${claims.error.issues.map((i) => i.path.join('.')).join(', ')}`,
    );
  const { sub: subject, agency, roles, territory } = claims.data;
  return { value: { subject, agency, roles, territory }, untilSeconds: payload.exp! };
}

/** A token lives at most `max` seconds: from its issue (iat) and from now — a far expiry is refused. */
function checkLifetime(p: { exp?: number; iat?: number }, max: number): void {
  const now = Math.floor(Date.now() / 1000);
  if (p.exp! - now > max) throw new UnauthenticatedError(`token lifetime: exp is more than ${max} s away`);
  if (p.iat !== undefined && p.exp! - p.iat > max)
    throw new UnauthenticatedError(`token lifetime: exp − iat exceeds ${max} s`);
}

export interface IssueTokenInput {
  subject: string;
  agency: PrincipalAgency;
  roles: Role[];
  territory: string;
  ttlSeconds?: number;
}

/** Signs an HS256 token (embedded default, tests). Production tokens come from the identity provider. */
export async function issueToken(cfg: AuthConfig, t: IssueTokenInput): Promise<string> {
  if (!cfg.secret) throw new Error('issuing tokens needs JWT_SECRET (HS256)');
  return new SignJWT({ agency: t.agency, roles: t.roles, territory: t.territory })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(t.subject)
    .setIssuer(cfg.issuer)
    .setAudience(cfg.audience)
    .setIssuedAt()
    .setExpirationTime(`${t.ttlSeconds ?? 8 * 3600}s`)
    .sign(new TextEncoder().encode(cfg.secret));
}
