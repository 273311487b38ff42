import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@sc/local-infra';
import { eventually, gql, tokenFor, validSnils } from '@sc/testing';

const ROOT = join(__dirname, '..', '..', '..');

/**
 * `npm start` as a user runs it: the banner, the gateway answering, Ctrl-C
 * stopping every process it started, and a restart that keeps the data.
 * (In-process messaging keeps this test quick; the broker paths are covered
 * by the other end-to-end tests.)
 */
describe('npm start (the embedded default)', () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'sc-start-')), 'pg');
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    env = {
      ...process.env,
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      EMBEDDED_MESSAGING: 'in-process',
      EMBEDDED_PG_DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(await freePort()),
      GATEWAY_PORT: String(await freePort()),
      SOCIAL_PROTECTION_PORT: String(await freePort()),
      EMPLOYMENT_PORT: String(await freePort()),
      SOCIAL_SERVICE_PORT: String(await freePort()),
    };
  });

  // Exactly what a user runs, in its own process group like a terminal session.
  function start(): Promise<{ child: ChildProcess; output: () => string }> {
    const child = spawn('npm', ['start'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (out += d));
    return eventually(async () => (out.includes('Stop:       Ctrl-C') ? { child, output: () => out } : undefined), 60_000, 200);
  }

  /** Ctrl-C: SIGINT to every process of the group (npm, tsx, node, PostgreSQL, ...). */
  const ctrlC = (child: ChildProcess) =>
    new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      process.kill(-child.pid!, 'SIGINT');
    });
  const groupAlive = (child: ChildProcess) => spawnSync('pgrep', ['-g', String(child.pid)]).status === 0;

  const postgresRunning = () => spawnSync('pgrep', ['-f', `postgres -D ${dataDir}`]).status === 0;

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
      { i: { citizen: { snils: validSnils(401), lastName: 'Памятная', firstName: 'Вера', birthDate: '1970-07-07' }, needs: { socialHelp: true, psychologicalSupport: false, employmentHelp: false, vocationalTraining: false, financialLiteracy: false }, circumstances: [] } },
      token,
    );
    const id = reg.data.registerSocialServiceApplication.citizen.id;
    expect(postgresRunning()).toBe(true);

    await ctrlC(first.child);
    await eventually(async () => !groupAlive(first.child) && !postgresRunning(), 20_000, 100);
    expect(first.output()).toMatch(/"msg":"stopped"/);

    const second = await start();
    const again = await gql(gateway, `query($id: ID!) { citizen(id: $id) { socialServiceProfile { lastName } } }`, { id }, token);
    expect(again.data.citizen.socialServiceProfile).toEqual({ lastName: 'Памятная' });
    await ctrlC(second.child);
    await eventually(async () => !groupAlive(second.child) && !postgresRunning(), 20_000, 100);
    expect(second.output()).toMatch(/"msg":"stopped"/);
  }, 180_000);
});
