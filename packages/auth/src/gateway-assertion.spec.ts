import { UnauthenticatedError } from '@sc/kernel';
import { gatewayAssertionSigner, gatewayAssertionVerifier } from './gateway-assertion';

const SECRET = 's'.repeat(40);
const sign = gatewayAssertionSigner(SECRET);
const verify = gatewayAssertionVerifier(SECRET, 'social-service');
const reason = (p: Promise<void>) =>
  p.then(
    () => 'accepted',
    (e: UnauthenticatedError) => e.reason,
  );

describe('the gateway proves itself to a subgraph', () => {
  it('accepts the gateway’s assertion for this subgraph and this caller’s token', async () => {
    await expect(verify(await sign('social-service', 'Bearer user-a'), 'Bearer user-a')).resolves.toBeUndefined();
  });

  it('refuses a user’s token alone, another token, another subgraph and another secret', async () => {
    expect(await reason(verify(undefined, 'Bearer user-a'))).toMatch(/no gateway assertion/);
    expect(await reason(verify(await sign('social-service', 'Bearer user-a'), 'Bearer user-b'))).toMatch(
      /another token/,
    );
    expect(await reason(verify(await sign('employment', 'Bearer user-a'), 'Bearer user-a'))).toMatch(/aud/);
    const forged = await gatewayAssertionSigner('f'.repeat(40))('social-service', 'Bearer user-a');
    expect(await reason(verify(forged, 'Bearer user-a'))).toMatch(/invalid gateway assertion/);
  });
});
