import { authConfigFrom } from '@sc/auth';
import { banner, sampleTokenFor } from './banner';

const auth = authConfigFrom({ JWT_SECRET: 'x'.repeat(40), JWT_ISSUER: 'i', JWT_AUDIENCE: 'a' });

describe('npm start banner', () => {
  it('prints a sample token outside production', async () => {
    const token = await sampleTokenFor(auth, 'development');
    expect(token).toMatch(/^ey/);
    const text = banner({ gatewayPort: 4000, services: {}, messaging: 'm', sampleToken: token });
    expect(text).toContain(token);
    expect(text).toContain('npm run token -- --agency SOCIAL_SERVICE --role SPECIALIST');
  });

  it('prints no token in production', async () => {
    const token = await sampleTokenFor(auth, 'production');
    expect(token).toBeNull();
    const text = banner({ gatewayPort: 4000, services: {}, messaging: 'm', sampleToken: token });
    expect(text).not.toMatch(/ey[A-Za-z0-9_-]{10,}\./);
    expect(text).toContain('none printed in production');
  });
});
