import { jwtVerify } from 'jose';
import { UnauthenticatedError } from '@sc/kernel';
import { authConfigFrom } from './auth-config';
import { gatewayAssertionSigner, gatewayAssertionVerifier } from './gateway-assertion';
import { TokenCache } from './token-cache';
import { createTokenVerifier, issueToken } from './tokens';

// jose as it is, with its verifications counted.
jest.mock('jose', () => {
  const actual = jest.requireActual<typeof import('jose')>('jose');
  return { ...actual, jwtVerify: jest.fn(actual.jwtVerify) };
});
const verifications = jwtVerify as jest.MockedFunction<typeof jwtVerify>;

const T0 = Date.parse('2026-12-01T09:00:00Z');
const at = (secondsFromT0: number) => jest.setSystemTime(T0 + secondsFromT0 * 1000);
// Only the clock is faked: jose's WebCrypto work resolves through the real event loop.
beforeEach(() => {
  jest.useFakeTimers({ now: T0, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
  verifications.mockClear();
});
afterEach(() => jest.useRealTimers());

describe('TokenCache', () => {
  it('keeps a value until its own expiry or the maximum age, whichever comes first', () => {
    const c = new TokenCache<string>(10, 60_000);
    c.set('short', 'a', T0 / 1000 + 20);
    c.set('long', 'b', T0 / 1000 + 3600);
    at(19);
    expect([c.get('short'), c.get('long')]).toEqual(['a', 'b']);
    at(20);
    expect([c.get('short'), c.get('long')]).toEqual([undefined, 'b']);
    at(60);
    expect(c.get('long')).toBeUndefined();
  });

  it('does not keep what has already expired, and drops the least recently used past its size', () => {
    const c = new TokenCache<string>(2);
    c.set('old', 'x', T0 / 1000 - 1);
    expect(c.get('old')).toBeUndefined();
    c.set('a', '1', T0 / 1000 + 60);
    c.set('b', '2', T0 / 1000 + 60);
    c.get('a');
    c.set('c', '3', T0 / 1000 + 60);
    expect([c.get('a'), c.get('b'), c.get('c')]).toEqual(['1', undefined, '3']);
  });
});

describe('a verified token is not verified again while it is valid', () => {
  const cfg = authConfigFrom({ JWT_ISSUER: 'iss', JWT_AUDIENCE: 'aud' });
  const token = (ttlSeconds: number) =>
    issueToken(cfg, { subject: 'u1', agency: 'EMPLOYMENT', roles: ['SPECIALIST'], territory: '25', ttlSeconds });

  it('verifies the signature once for repeated requests and hands each its own copy', async () => {
    const verify = createTokenVerifier(cfg);
    const bearer = `Bearer ${await token(600)}`;
    const first = await verify(bearer);
    first.roles.push('ADMIN');
    const second = await verify(bearer);
    expect(second).toEqual({ subject: 'u1', agency: 'EMPLOYMENT', roles: ['SPECIALIST'], territory: '25' });
    expect(verifications).toHaveBeenCalledTimes(1);
  });

  it('refuses a remembered token once it expires, and checks again after a minute', async () => {
    const verify = createTokenVerifier(cfg);
    const short = `Bearer ${await token(30)}`;
    const long = `Bearer ${await token(600)}`;
    await verify(short);
    await verify(long);
    at(61);
    await expect(verify(short)).rejects.toMatchObject({ reason: expect.stringMatching(/"exp" claim/) });
    await expect(verify(long)).resolves.toMatchObject({ subject: 'u1' });
    expect(verifications).toHaveBeenCalledTimes(4);
  });

  it('remembers no refusal: a bad token is checked, and refused, every time', async () => {
    const verify = createTokenVerifier(cfg);
    const forged = `Bearer ${(await token(600)).slice(0, -4)}AAAA`;
    await expect(verify(forged)).rejects.toThrow(UnauthenticatedError);
    await expect(verify(forged)).rejects.toThrow(UnauthenticatedError);
    expect(verifications).toHaveBeenCalledTimes(2);
  });
});

describe('the gateway assertion is signed and verified once per token and subgraph', () => {
  const SECRET = 's'.repeat(40);

  it('reuses an assertion for the first half of its minute, then signs a fresh one', async () => {
    const sign = gatewayAssertionSigner(SECRET);
    const a = await sign('employment', 'Bearer user-a');
    expect(await sign('employment', 'Bearer user-a')).toBe(a);
    expect(await sign('social-service', 'Bearer user-a')).not.toBe(a);
    expect(await sign('employment', 'Bearer user-b')).not.toBe(a);
    at(31);
    const fresh = await sign('employment', 'Bearer user-a');
    expect(fresh).not.toBe(a);
    await expect(gatewayAssertionVerifier(SECRET, 'employment')(fresh, 'Bearer user-a')).resolves.toBeUndefined();
  });

  it('verifies a repeated assertion once, still binds it to its token, and refuses it once expired', async () => {
    const sign = gatewayAssertionSigner(SECRET);
    const verify = gatewayAssertionVerifier(SECRET, 'employment');
    const a = await sign('employment', 'Bearer user-a');
    await verify(a, 'Bearer user-a');
    await verify(a, 'Bearer user-a');
    expect(verifications).toHaveBeenCalledTimes(1);
    await expect(verify(a, 'Bearer user-b')).rejects.toMatchObject({ reason: expect.stringMatching(/another token/) });
    at(61);
    await expect(verify(a, 'Bearer user-a')).rejects.toMatchObject({
      reason: expect.stringMatching(/invalid gateway assertion.*exp/),
    });
  });
});
