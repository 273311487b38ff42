import { readFileSync } from 'node:fs';
import { SUPERGRAPH_PATH } from '@sc/gateway';
import {
  count,
  createTestDatabase,
  eventually,
  gql,
  testAuth,
  testServiceConfig,
  tokenFor,
  uniqueSuffix,
  validSnils,
} from '@sc/testing';
import { SERVICE_NAMES, startStack, type ServiceName, type Stack } from '../src/stack';

// The embedded default without kcat: the same referral over the in-process bus, through the gateway.
describe('the whole system on the in-process bus (npm start without a broker)', () => {
  let stack: Stack;
  const db = {} as Record<ServiceName, string>;
  beforeAll(async () => {
    for (const n of SERVICE_NAMES) db[n] = await createTestDatabase(`ip_${n}`);
    const prefix = `ip${uniqueSuffix()}.`;
    stack = await startStack({
      services: Object.fromEntries(SERVICE_NAMES.map((n) => [n, testServiceConfig(n, db[n], prefix)])) as never,
      kafka: null,
      gateway: { port: 0, supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'), auth: testAuth },
      logLevel: 'silent',
    });
  });
  afterAll(() => stack?.stop());

  it('carries the referral to ЦСПН and the acceptance back', async () => {
    const token = await tokenFor('SOCIAL_SERVICE');
    const reg = await gql(
      stack.gatewayUrl,
      `mutation($i: RegisterSocialServiceApplicationInput!) { registerSocialServiceApplication(input: $i) { citizen { id } } }`,
      {
        i: {
          citizen: { snils: validSnils(301), lastName: 'Орлова', firstName: 'Ирина', birthDate: '1992-05-05' },
          needs: {
            socialHelp: true,
            psychologicalSupport: true,
            employmentHelp: false,
            vocationalTraining: false,
            financialLiteracy: true,
          },
          circumstances: [],
        },
      },
      token,
    );
    const id = reg.data.registerSocialServiceApplication.citizen.id;
    await gql(
      stack.gatewayUrl,
      `mutation($id: ID!) { referCitizenForSocialContract(input: { citizenId: $id, basis: LOW_INCOME }) { id } }`,
      { id },
      token,
    );
    const r = await eventually(async () => {
      const q = await gql(
        stack.gatewayUrl,
        `query($id: ID!) { citizen(id: $id) { socialServiceReferrals { status } contractApplications { status } } }`,
        { id },
        token,
      );
      return q.data?.citizen?.socialServiceReferrals?.[0]?.status === 'ACCEPTED' ? q : undefined;
    });
    expect(r.data.citizen.contractApplications).toEqual([{ status: 'REGISTERED' }]);
    expect(await count(db['social-protection'], 'inbox_message')).toBeGreaterThan(0);
  });

  it('refuses a forged token at the gateway (HTTP 401)', async () => {
    const forged = (await tokenFor('SOCIAL_SERVICE')).replace(/\.[^.]+$/, '.c2lnbmF0dXJl');
    const r = await gql(stack.gatewayUrl, '{ __typename }', {}, forged);
    expect(r.status).toBe(401);
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
