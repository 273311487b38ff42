import { createHash, createSecretKey, type KeyObject } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { UnauthenticatedError } from '@sc/kernel';

/** The header in which the gateway proves, per request, that it forwarded the caller's token. */
export const GATEWAY_ASSERTION_HEADER = 'x-gateway-assertion';
const ISSUER = 'sc-gateway';
const TTL_SECONDS = 60;

const tokenHash = (authorization: string): string => createHash('sha256').update(authorization).digest('base64url');
const keyOf = (secret: string): KeyObject => createSecretKey(Buffer.from(secret, 'utf8'));

/**
 * Signed by the gateway for one subgraph and one caller's token (`ath` = the
 * token's SHA-256), valid for a minute: a user's token alone cannot call a
 * subgraph, and an assertion cannot be reused with another user's token or at
 * another subgraph.
 */
export function gatewayAssertionSigner(secret: string): (subgraph: string, authorization: string) => Promise<string> {
  const key = keyOf(secret);
  return (subgraph, authorization) =>
    new SignJWT({ ath: tokenHash(authorization) })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(ISSUER)
      .setAudience(`subgraph:${subgraph}`)
      .setIssuedAt()
      .setExpirationTime(`${TTL_SECONDS}s`)
      .sign(key);
}

/** The subgraph's check: the assertion is the gateway's, for this subgraph, for exactly this caller's token. */
export function gatewayAssertionVerifier(
  secret: string,
  subgraph: string,
): (assertion: string | undefined, authorization: string | undefined) => Promise<void> {
  const key = keyOf(secret);
  return async (assertion, authorization) => {
    if (!assertion) throw new UnauthenticatedError('no gateway assertion: subgraphs are reached through the gateway');
    let ath: unknown;
    try {
      ({
        payload: { ath },
      } = await jwtVerify(assertion, key, {
        issuer: ISSUER,
        audience: `subgraph:${subgraph}`,
        algorithms: ['HS256'],
        requiredClaims: ['exp', 'iat'],
        maxTokenAge: `${TTL_SECONDS * 2}s`,
      }));
    } catch (e) {
      throw new UnauthenticatedError(`invalid gateway assertion: ${(e as Error).message}`);
    }
    if (!authorization || ath !== tokenHash(authorization))
      throw new UnauthenticatedError('the gateway assertion was made for another token');
  };
}
