import { gatewayAssertionSigner, GATEWAY_ASSERTION_HEADER } from '@sc/auth';
import { serviceUnderTest } from '@sc/testing';
import { createSocialServiceServer } from '../src/server';

const SECRET = 'component-test-gateway-secret-0123456789';

/**
 * As deployed in production: the subgraph answers only requests the gateway
 * vouches for (a user's valid token alone is refused) and keeps its SDL to
 * itself (`_service` closed: the supergraph is composed at build time).
 */
describe('КЦСОН subgraph reachable only through the gateway (production settings)', () => {
  const sut = serviceUnderTest({
    name: 'social-service',
    create: createSocialServiceServer,
    caller: { agency: 'SOCIAL_SERVICE' },
    config: { gatewaySecret: SECRET, production: true },
  });
  const post = (query: string, headers: Record<string, string>) =>
    fetch(sut.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query }),
    });
  const bearer = () => `Bearer ${sut.token}`;

  it('refuses a valid user token that did not come through the gateway, with a bare 401', async () => {
    const r = await post('{ urgentServiceCatalogue { code } }', { authorization: bearer() });
    expect(r.status).toBe(401);
    expect(((await r.json()) as any).errors[0]).toEqual({
      message: 'the bearer token was refused',
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('refuses the gateway’s assertion replayed with another token', async () => {
    const assertion = await gatewayAssertionSigner(SECRET)('social-service', 'Bearer someone-else');
    const r = await post('{ urgentServiceCatalogue { code } }', {
      authorization: bearer(),
      [GATEWAY_ASSERTION_HEADER]: assertion,
    });
    expect(r.status).toBe(401);
  });

  it('answers what the gateway forwards, and keeps _service closed', async () => {
    const headers = {
      authorization: bearer(),
      [GATEWAY_ASSERTION_HEADER]: await gatewayAssertionSigner(SECRET)('social-service', bearer()),
    };
    const ok: any = await (await post('{ urgentServiceCatalogue { code } }', headers)).json();
    expect(ok.errors).toBeUndefined();
    expect(ok.data.urgentServiceCatalogue.length).toBeGreaterThan(0);
    const sdl: any = await (await post('{ _service { sdl } }', headers)).json();
    expect(sdl.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'SDL_CLOSED_IN_PRODUCTION' });
  });

  it('applies the query limits itself, behind the gateway too', async () => {
    const headers = {
      authorization: bearer(),
      [GATEWAY_ASSERTION_HEADER]: await gatewayAssertionSigner(SECRET)('social-service', bearer()),
    };
    const id = '01900000-0000-7000-8000-000000000000';
    const deep = `{ urgentServiceCase(id: "${id}") { citizen { urgentServiceCases { citizen { urgentServiceCases { citizen { id } } } } } } }`;
    const r: any = await (await post(deep, headers)).json();
    expect(r.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('listens on loopback only', () => {
    const address = sut.svc.http.address();
    expect(typeof address === 'object' && address?.address).toBe('127.0.0.1');
  });
});
