import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, tokenFor } from '@sc/testing';
import {
  ctrlC,
  groupAlive,
  npmStartEnv,
  postgresRunningOn,
  startNpm,
  stopLeftovers,
  lastNameOf,
  registerPerson,
  type RunningNpmStart,
} from './npm-start';

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

  let running: RunningNpmStart | undefined;
  // A failed assertion must not leave the stack running (jest would wait for it).
  afterAll(() => stopLeftovers(running?.child, dataDir), 30_000);
  const start = async () => (running = await startNpm(ROOT, env));
  const postgresRunning = () => postgresRunningOn(dataDir);

  it('serves the gateway, stops everything on Ctrl-C, and keeps the data across a restart', async () => {
    const gateway = `http://127.0.0.1:${env.GATEWAY_PORT}/graphql`;
    const token = await tokenFor('SOCIAL_SERVICE');
    const first = await start();
    expect(first.output()).toContain(`Gateway:    http://localhost:${env.GATEWAY_PORT}/graphql`);
    expect(first.output()).toContain('Messaging:  in-process bus');
    expect(first.output()).toContain('npm run token -- --agency SOCIAL_SERVICE --role SPECIALIST');
    const id = await registerPerson(gateway, token, 401, 'Памятная');
    expect(postgresRunning()).toBe(true);

    await ctrlC(first.child);
    await eventually(async () => !groupAlive(first.child) && !postgresRunning(), 20_000, 100);
    expect(first.output()).toMatch(/"msg":"stopped"/);

    const second = await start();
    expect(await lastNameOf(gateway, token, id)).toBe('Памятная');
    await ctrlC(second.child);
    await eventually(async () => !groupAlive(second.child) && !postgresRunning(), 20_000, 100);
    expect(second.output()).toMatch(/"msg":"stopped"/);
  }, 180_000);
});

describe('npm start when PostgreSQL cannot start', () => {
  it('says in one line what failed and what to do, exits 1, and shows no stack trace', async () => {
    // Something else already listens on the port the embedded server wants.
    const blocker = createServer().listen(0, '127.0.0.1');
    await once(blocker, 'listening');
    const port = (blocker.address() as AddressInfo).port;
    try {
      const env = await npmStartEnv({ EMBEDDED_PG_PORT: String(port) });
      const child = spawn('npm', ['start'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr!.on('data', (d) => (stderr += d));
      const [code] = (await once(child, 'exit')) as [number];
      expect(code).toBe(1);
      const ours = stderr.split('\n').filter((l) => l.startsWith('npm start:'));
      expect(ours).toEqual([
        `npm start: PostgreSQL could not start: port ${port} is taken. Set EMBEDDED_PG_PORT to a free port, or stop the program that listens on ${port}`,
      ]);
      expect(stderr).not.toMatch(/^\s+at /m);
    } finally {
      blocker.close();
    }
  }, 60_000);
});
