import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, gql, tokenFor, validSnils } from '@sc/testing';
import { ctrlC, groupAlive, npmStartEnv, postgresRunningOn, startNpm } from './npm-start';

const ROOT = join(__dirname, '..', '..', '..');

/**
 * `npm start` as a user runs it: the banner, the gateway answering, Ctrl-C
 * stopping every process it started, and a restart that keeps the data.
 * (In-process messaging keeps this test quick; the broker paths are covered
 * by the other end-to-end tests.)
 */
describe('npm start (the embedded default)', () => {
  const parent = mkdtempSync(join(tmpdir(), 'sc-start-'));
  chmodSync(parent, 0o755); // a folder the server user can reach: the data stays where it was asked to be
  const dataDir = join(parent, 'pg');
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    env = await npmStartEnv({ EMBEDDED_PG_DATA_DIR: dataDir });
  });

  const start = () => startNpm(ROOT, env);
  const postgresRunning = () => postgresRunningOn(dataDir);

  it('serves the gateway, stops everything on Ctrl-C, and keeps the data across a restart', async () => {
    const gateway = `http://127.0.0.1:${env.GATEWAY_PORT}/graphql`;
    const token = await tokenFor('SOCIAL_SERVICE');
    const first = await start();
    expect(first.output()).toContain(`Gateway:    http://localhost:${env.GATEWAY_PORT}/graphql`);
    expect(first.output()).toContain('Messaging:  in-process bus');
    expect(first.output()).toContain('npm run token -- --agency SOCIAL_SERVICE --role SPECIALIST');
    const reg = await gql(
      gateway,
      `mutation($i: RegisterSocialServiceApplicationInput!) { registerSocialServiceApplication(input: $i) { citizen { id } } }`,
      {
        i: {
          citizen: { snils: validSnils(401), lastName: 'Памятная', firstName: 'Вера', birthDate: '1970-07-07' },
          needs: {
            socialHelp: true,
            psychologicalSupport: false,
            employmentHelp: false,
            vocationalTraining: false,
            financialLiteracy: false,
          },
          circumstances: [],
        },
      },
      token,
    );
    const id = reg.data.registerSocialServiceApplication.citizen.id;
    expect(postgresRunning()).toBe(true);

    await ctrlC(first.child);
    await eventually(async () => !groupAlive(first.child) && !postgresRunning(), 20_000, 100);
    expect(first.output()).toMatch(/"msg":"stopped"/);

    const second = await start();
    const again = await gql(
      gateway,
      `query($id: ID!) { citizen(id: $id) { socialServiceProfile { lastName } } }`,
      { id },
      token,
    );
    expect(again.data.citizen.socialServiceProfile).toEqual({ lastName: 'Памятная' });
    await ctrlC(second.child);
    await eventually(async () => !groupAlive(second.child) && !postgresRunning(), 20_000, 100);
    expect(second.output()).toMatch(/"msg":"stopped"/);
  }, 180_000);
});
