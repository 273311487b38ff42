import { InProcessBus } from '@sc/messaging';
import type { SubgraphService } from '@sc/subgraph-kit';
import { createTestDatabase, gql, testServiceConfig, tokenFor, uniqueSuffix } from '@sc/testing';
import { createEmploymentServer } from '../src/server';

// ЦЗН has no consumers or producers yet; the bus is unused here, so the in-process one serves.
describe('ЦЗН subgraph (component, real PostgreSQL)', () => {
  let svc: SubgraphService;
  let url: string;
  beforeAll(async () => {
    svc = await createEmploymentServer(testServiceConfig('employment', await createTestDatabase('emp'), `t${uniqueSuffix()}.`), { bus: new InProcessBus() });
    url = await svc.start(0);
  });
  afterAll(() => svc?.stop());

  it('refuses a direct call without a token (HTTP 401 UNAUTHENTICATED)', async () => {
    const r = await gql(url, '{ __typename }');
    expect(r.status).toBe(401);
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('resolves a Citizen it does not know to a null profile (entity resolution)', async () => {
    const r = await gql(url, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { id employmentProfile { lastName } } } }`, { r: [{ __typename: 'Citizen', id: '6c1b8a56-0000-8000-8000-0000000000cc' }] }, await tokenFor('EMPLOYMENT'));
    expect(r.data._entities).toEqual([{ id: '6c1b8a56-0000-8000-8000-0000000000cc', employmentProfile: null }]);
  });

  it('derives the citizen key from a СНИЛС and refuses a bad checksum', async () => {
    const token = await tokenFor('EMPLOYMENT');
    const ok = await gql(url, `{ citizenBySnils(snils: "112-233-445 95") { id } }`, {}, token);
    expect(ok.data.citizenBySnils.id).toMatch(/^[0-9a-f-]{36}$/);
    const bad = await gql(url, `{ citizenBySnils(snils: "112-233-445 96") { id } }`, {}, token);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'snils', rule: 'SNILS_CHECKSUM' });
  });
});
