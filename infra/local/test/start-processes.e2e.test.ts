import { chmodSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, metric, scrape, tokenFor } from '@sc/testing';
import {
  ctrlC,
  groupAlive,
  lastNameOf,
  npmStartEnv,
  pidsOf,
  postgresRunningOn,
  processAlive,
  registerPerson,
  startNpm,
  type RunningNpmStart,
} from './npm-start';

const ROOT = join(__dirname, '..', '..', '..');
const PINNED_NODE = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as any).devDependencies.node;

/**
 * `npm start` with the local Kafka-protocol broker, as it runs in production:
 * the three subgraphs and the gateway as four processes from their own
 * `main.ts`, supervised — a killed subgraph is restarted while the others go
 * on answering — and Ctrl-C stopping them all, the broker and PostgreSQL.
 */
describe('npm start with a broker: one process per service, supervised', () => {
  const parent = mkdtempSync(join(tmpdir(), 'sc-procs-'));
  chmodSync(parent, 0o755);
  const dataDir = join(parent, 'pg');
  let running: RunningNpmStart | undefined;
  // A failed assertion must not leave the stack running (jest would wait for it).
  afterAll(() => {
    if (running && groupAlive(running.child)) process.kill(-running.child.pid!, 'SIGKILL');
  });

  it('restarts a killed subgraph while the others keep serving, and stops everything on Ctrl-C', async () => {
    const env = await npmStartEnv({ EMBEDDED_PG_DATA_DIR: dataDir, EMBEDDED_MESSAGING: 'kcat' });
    const gateway = `http://127.0.0.1:${env.GATEWAY_PORT}/graphql`;
    const started = await startNpm(ROOT, env);
    running = started;
    const pids = pidsOf(started.output());
    expect(Object.keys(pids).sort()).toEqual(['employment', 'gateway', 'social-protection', 'social-service']);
    expect(new Set(Object.values(pids)).size).toBe(4);
    expect(Object.values(pids).every((pid) => pid !== started.child.pid && processAlive(pid))).toBe(true);
    // Every line of a child carries its process's name.
    const prefixed = /^employment +│ .*"msg":"employment subgraph ready"/m;
    await eventually(async () => prefixed.test(started.output()), 20_000, 100);

    const token = await tokenFor('SOCIAL_SERVICE');
    const id = await registerPerson(gateway, token, 402, 'Стойкая');

    // Every process answers /metrics, and runs on the runtime the project pins (package.json devDependencies.node).
    const ports = [env.GATEWAY_PORT, env.SOCIAL_PROTECTION_PORT, env.EMPLOYMENT_PORT, env.SOCIAL_SERVICE_PORT];
    for (const port of ports) {
      const m = await scrape(`http://127.0.0.1:${port}`);
      expect(metric(m, 'nodejs_version_info', { version: `v${PINNED_NODE}` })).toBe(1);
    }
    const gw = await scrape(`http://127.0.0.1:${env.GATEWAY_PORT}`);
    expect(metric(gw, 'graphql_operation_duration_seconds_count', { process: 'gateway', type: 'mutation' })).toBe(1);

    process.kill(pids.employment!, 'SIGKILL');
    await eventually(async () => started.output().includes('process exited unexpectedly: restarting it'), 10_000, 50);
    // КЦСОН answers through the gateway while ЦЗН is down and coming back.
    expect(await lastNameOf(gateway, token, id)).toBe('Стойкая');
    const employmentReady = async () =>
      (await fetch(`http://127.0.0.1:${env.EMPLOYMENT_PORT}/ready`).catch(() => null))?.ok === true;
    await eventually(employmentReady, 60_000, 200);
    expect(started.output()).toMatch(
      /"process":"employment","pid":\d+,"msg":"process started"[\s\S]*"process":"employment","pid":\d+,"msg":"process started"/,
    );

    const all = [...Object.values(pids).filter((p) => p !== pids.employment)];
    await ctrlC(started.child);
    await eventually(async () => all.every((p) => !processAlive(p)) && !postgresRunningOn(dataDir), 30_000, 100);
    const out = started.output();
    // In order: the gateway stops before the services it calls.
    const stopped = [...out.matchAll(/"process":"([a-z-]+)","msg":"process stopped"/g)].map((m) => m[1]);
    expect(stopped).toEqual(['gateway', 'social-protection', 'employment', 'social-service']);
    expect(out).toMatch(/"msg":"stopped"/);
  }, 180_000);
});
