import { SignJWT } from 'jose';
import { UnauthenticatedError } from '@sc/kernel';
import { authConfigFrom, DEV_JWT_SECRET } from './auth-config';
import { authorize } from './authorize';
import { createTokenVerifier, issueToken } from './tokens';

const cfg = authConfigFrom({ JWT_ISSUER: 'iss', JWT_AUDIENCE: 'aud' });
const verify = createTokenVerifier(cfg);

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
    await expect(verify(`Bearer ${other}`)).rejects.toThrow(/invalid token/);
    const wrongAud = await issueToken(
      { ...cfg, audience: 'elsewhere' },
      { subject: 'u', agency: 'MINISTRY', roles: ['ANALYST'], territory: '25' },
    );
    await expect(verify(`Bearer ${wrongAud}`)).rejects.toThrow(/aud/);
    const expired = await new SignJWT({ agency: 'MINISTRY', roles: ['ANALYST'], territory: '25' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u')
      .setIssuer('iss')
      .setAudience('aud')
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(new TextEncoder().encode(DEV_JWT_SECRET));
    await expect(verify(`Bearer ${expired}`)).rejects.toThrow(/exp/);
  });

  it('refuses a token with an unknown agency', async () => {
    const t = await new SignJWT({ agency: 'POLICE', roles: ['SPECIALIST'], territory: '25' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u')
      .setIssuer('iss')
      .setAudience('aud')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(DEV_JWT_SECRET));
    await expect(verify(`Bearer ${t}`)).rejects.toThrow(/claims: agency/);
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
