import { createHash, createSecretKey, type KeyObject } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { UnauthenticatedError } from '@sc/kernel';
import { TokenCache } from './token-cache';

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
  // One assertion per subgraph and token serves that token's requests for the first half of its minute.
  const signed = new TokenCache<string>();
  return (subgraph, authorization) =>
    signed.getOrProduce(`${subgraph} ${authorization}`, async () => {
      const now = Math.floor(Date.now() / 1000);
      const assertion = await new SignJWT({ ath: tokenHash(authorization) })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setIssuer(ISSUER)
        .setAudience(`subgraph:${subgraph}`)
        .setIssuedAt(now)
        .setExpirationTime(now + TTL_SECONDS)
        .sign(key);
      return { value: assertion, untilSeconds: now + TTL_SECONDS / 2 };
    });
}

/** The subgraph's check: the assertion is the gateway's, for this subgraph, for exactly this caller's token. */
export function gatewayAssertionVerifier(
  secret: string,
  subgraph: string,
): (assertion: string | undefined, authorization: string | undefined) => Promise<void> {
  const key = keyOf(secret);
  // An assertion already verified is not verified again until it expires: the token hash it carries is kept.
  const verified = new TokenCache<string>();
  return async (assertion, authorization) => {
    if (!assertion) throw new UnauthenticatedError('no gateway assertion: subgraphs are reached through the gateway');
    const ath = await verified.getOrProduce(assertion, () => verifyAssertion(assertion, key, subgraph));
    if (!authorization || ath !== tokenHash(authorization))
      throw new UnauthenticatedError('the gateway assertion was made for another token');
  };
}

async function verifyAssertion(
  assertion: string,
  key: KeyObject,
  subgraph: string,
): Promise<{ value: string; untilSeconds: number }> {
  try {
    const { payload } = await jwtVerify(assertion, key, {
      issuer: ISSUER,
      audience: `subgraph:${subgraph}`,
      algorithms: ['HS256'],
      requiredClaims: ['exp', 'iat'],
      maxTokenAge: `${TTL_SECONDS * 2}s`,
    });
    return { value: String(payload.ath), untilSeconds: payload.exp! };
  } catch (e) {
    throw new UnauthenticatedError(`invalid gateway assertion: ${(e as Error).message}`);
  }
}
