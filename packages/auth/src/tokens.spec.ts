import { SignJWT } from 'jose';
import { UnauthenticatedError } from '@sc/kernel';
import { authConfigFrom, DEV_JWT_SECRET } from './auth-config';
import { authorize } from './authorize';
import { createTokenVerifier, issueToken } from './tokens';

const cfg = authConfigFrom({ JWT_ISSUER: 'iss', JWT_AUDIENCE: 'aud' });
const verify = createTokenVerifier(cfg);

/** Why the verifier refused: the client sees only 'the bearer token was refused'; the reason is for the log. */
async function refusal(authorization: string | undefined): Promise<{ message: string; reason: string }> {
  try {
    await verify(authorization);
  } catch (e) {
    expect(e).toBeInstanceOf(UnauthenticatedError);
    return { message: (e as Error).message, reason: (e as UnauthenticatedError).reason };
  }
  throw new Error('the token was accepted');
}
const sign = (claims: Record<string, unknown>, build: (j: SignJWT) => SignJWT) =>
  build(
    new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('u').setIssuer('iss').setAudience('aud'),
  ).sign(new TextEncoder().encode(DEV_JWT_SECRET));
const CLAIMS = { agency: 'MINISTRY', roles: ['ANALYST'], territory: '25' };

describe('tokens', () => {
  it('round-trips a principal', async () => {
    const t = await issueToken(cfg, {
      subject: 'u1',
      agency: 'SOCIAL_SERVICE',
      roles: ['SPECIALIST'],
      territory: '25',
    });
    await expect(verify(`Bearer ${t}`)).resolves.toEqual({
      subject: 'u1',
      agency: 'SOCIAL_SERVICE',
      roles: ['SPECIALIST'],
      territory: '25',
    });
  });

  it('refuses a missing header, a wrong signature, a wrong audience and an expired token', async () => {
    await expect(verify(undefined)).rejects.toBeInstanceOf(UnauthenticatedError);
    const other = await issueToken(
      { ...cfg, secret: 'x'.repeat(40) },
      { subject: 'u', agency: 'MINISTRY', roles: ['ANALYST'], territory: '25' },
    );
    expect((await refusal(`Bearer ${other}`)).reason).toMatch(/invalid token/);
    const wrongAud = await issueToken(
      { ...cfg, audience: 'elsewhere' },
      { subject: 'u', agency: 'MINISTRY', roles: ['ANALYST'], territory: '25' },
    );
    expect((await refusal(`Bearer ${wrongAud}`)).reason).toMatch(/aud/);
    const expired = await new SignJWT({ agency: 'MINISTRY', roles: ['ANALYST'], territory: '25' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u')
      .setIssuer('iss')
      .setAudience('aud')
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(new TextEncoder().encode(DEV_JWT_SECRET));
    expect((await refusal(`Bearer ${expired}`)).reason).toMatch(/exp/);
  });

  it('refuses a token with an unknown agency', async () => {
    const t = await new SignJWT({ agency: 'POLICE', roles: ['SPECIALIST'], territory: '25' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u')
      .setIssuer('iss')
      .setAudience('aud')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(DEV_JWT_SECRET));
    expect((await refusal(`Bearer ${t}`)).reason).toMatch(/claims: agency/);
  });

  it('refuses a token without exp, and one that lives longer than the maximum (12 h by default)', async () => {
    expect((await refusal(`Bearer ${await sign(CLAIMS, (j) => j.setIssuedAt())}`)).reason).toMatch(/exp/);
    const now = Math.floor(Date.now() / 1000);
    const longLived = await sign(CLAIMS, (j) => j.setIssuedAt(now).setExpirationTime(now + 12 * 3600 + 60));
    expect((await refusal(`Bearer ${longLived}`)).reason).toMatch(/lifetime/);
    const farNoIat = await sign(CLAIMS, (j) => j.setExpirationTime(now + 30 * 24 * 3600));
    expect((await refusal(`Bearer ${farNoIat}`)).reason).toMatch(/lifetime/);
    const fine = await sign(CLAIMS, (j) => j.setIssuedAt(now).setExpirationTime(now + 8 * 3600));
    await expect(verify(`Bearer ${fine}`)).resolves.toMatchObject({ agency: 'MINISTRY' });
  });

  it('tells the client only that the token was refused, never which check failed', async () => {
    const wrong = await issueToken(
      { ...cfg, audience: 'elsewhere' },
      { subject: 'u', agency: 'MINISTRY', roles: ['ANALYST'], territory: '25' },
    );
    for (const r of [await refusal(undefined), await refusal('Bearer x.y.z'), await refusal(`Bearer ${wrong}`)])
      expect(r.message).toBe('the bearer token was refused');
  });

  it('refuses the dev secret in production', () => {
    expect(() => authConfigFrom({ JWT_ISSUER: 'i', JWT_AUDIENCE: 'a', NODE_ENV: 'production' })).toThrow(
      /JWT_SECRET or JWT_JWKS_URL/,
    );
  });
});

describe('authorize', () => {
  const p = { subject: 'u', agency: 'SOCIAL_SERVICE' as const, roles: ['SPECIALIST' as const], territory: '25' };
  it('allows a matching agency and role, forbids others with the rule named', () => {
    expect(() => authorize(p, { agencies: ['SOCIAL_SERVICE'], roles: ['SPECIALIST', 'HEAD'] }, 'refer')).not.toThrow();
    expect(() => authorize(p, { agencies: ['SOCIAL_PROTECTION'] }, 'approve')).toThrow(
      /approve requires agency SOCIAL_PROTECTION/,
    );
    expect(() => authorize(p, { agencies: ['SOCIAL_SERVICE'], roles: ['HEAD'] }, 'close')).toThrow(/role HEAD/);
  });
});
