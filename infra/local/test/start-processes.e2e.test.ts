import { once } from 'node:events';
import { chmodSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
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
  stopLeftovers,
  type RunningNpmStart,
} from './npm-start';

const ROOT = join(__dirname, '..', '..', '..');

/** A stand-in OpenTelemetry Collector: OTLP/HTTP JSON on /v1/traces, trace ids kept per service.name. */
function otlpCollector() {
  const byService = new Map<string, Set<string>>();
  const unreadable: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (d: Buffer) => chunks.push(d));
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      const raw = Buffer.concat(chunks);
      const body = req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw;
      let doc: { resourceSpans?: any[] };
      try {
        doc = JSON.parse(body.toString('utf8')) as typeof doc;
      } catch {
        unreadable.push(String(req.headers['content-type']));
        return;
      }
      for (const rs of doc.resourceSpans ?? []) {
        const name = rs.resource?.attributes?.find((a: any) => a.key === 'service.name')?.value?.stringValue;
        const ids = byService.get(name) ?? new Set<string>();
        for (const ss of rs.scopeSpans ?? []) for (const sp of ss.spans ?? []) ids.add(sp.traceId);
        byService.set(name, ids);
      }
    });
  });
  const c = {
    url: '',
    async start() {
      server.listen(0, '127.0.0.1');
      await once(server, 'listening');
      c.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    stop: () => void server.close(),
    traceIds: (service: string) => byService.get(service) ?? new Set<string>(),
    unreadable,
  };
  return c;
}
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
  const collector = otlpCollector();
  beforeAll(() => collector.start());
  // A failed assertion must not leave the stack running (jest would wait for it).
  afterAll(async () => {
    await stopLeftovers(running?.child, dataDir);
    collector.stop();
  }, 30_000);

  it('restarts a killed subgraph while the others keep serving, and stops everything on Ctrl-C', async () => {
    const env = await npmStartEnv({
      EMBEDDED_PG_DATA_DIR: dataDir,
      EMBEDDED_MESSAGING: 'kcat',
      // Traces on, as in production: every process exports OTLP/HTTP to the collector below.
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
      OTEL_BSP_SCHEDULE_DELAY: '200',
    });
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
    // The mutation's trace reached the collector from the gateway's process and from КЦСОН's, as one trace.
    const shared = await eventually(async () => {
      const gatewayTraces = collector.traceIds('gateway');
      const common = [...collector.traceIds('social-service')].filter((t) => gatewayTraces.has(t));
      return common.length ? common : undefined;
    }, 20_000);
    expect(shared.length).toBeGreaterThan(0);
    expect(collector.unreadable).toEqual([]);
    const gw = await scrape(`http://127.0.0.1:${env.GATEWAY_PORT}`);
    expect(metric(gw, 'graphql_operation_duration_seconds_count', { process: 'gateway', type: 'mutation' })).toBe(1);
    // …and where the gateway's time went: its query plan, then the subgraph fetches.
    for (const phase of ['plan', 'fetch'])
      expect(metric(gw, 'graphql_phase_duration_seconds_count', { process: 'gateway', phase })).toBeGreaterThan(0);

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

describe('npm start when its broker dies', () => {
  it('stops every process and exits 1, saying what happened', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'sc-procs-'));
    chmodSync(parent, 0o755);
    const env = await npmStartEnv({ EMBEDDED_PG_DATA_DIR: join(parent, 'pg'), EMBEDDED_MESSAGING: 'kcat' });
    const started = await startNpm(ROOT, env);
    try {
      const pids = Object.values(pidsOf(started.output()));
      const broker = Number(/kcat mock cluster, pid (\d+)\)/.exec(started.output())?.[1]);
      expect(broker).toBeGreaterThan(0);
      const exited = once(started.child, 'exit');
      process.kill(broker, 'SIGKILL');
      const [code] = (await exited) as [number];
      expect(code).toBe(1);
      expect(started.output()).toMatch(/"msg":"the local broker exited unexpectedly: stopping everything"/);
      await eventually(async () => pids.every((p) => !processAlive(p)), 20_000, 100);
    } finally {
      if (groupAlive(started.child)) process.kill(-started.child.pid!, 'SIGKILL');
    }
  }, 120_000);
});
