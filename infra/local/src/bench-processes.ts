import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { ensureDatabase, freePort, type RunningPostgres } from '@sc/local-infra';
import { createLogger } from '@sc/runtime';
import type { KafkaEnv, ServiceConfig } from '@sc/subgraph-kit';
import { PROCESS_NAMES, startProcesses, STOP_ORDER } from './processes';
import { SERVICE_NAMES, type ServiceName, type Stack } from './stack';

/** What a benchmark part needs of a running system, whichever way it runs. */
export interface BenchTarget {
  /** How it runs, for the report. */
  label: string;
  gatewayUrl: string;
  serviceUrl(n: ServiceName): string;
  databaseUrl(n: ServiceName): string;
  /** How long the gateway keeps a statistics answer (0: not at all). */
  statisticsCacheSeconds: number;
  /** …and up to what age it is served while the next is computed. */
  statisticsStaleSeconds: number;
  /** Resident memory, one line: each process's, or the one process's. */
  memory(): string;
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

/** The in-process stack (one Node process holds the three services and the gateway). */
export const inProcessTarget = (stack: Stack): BenchTarget => ({
  label: 'whole system in one Node process',
  statisticsCacheSeconds: 0,
  statisticsStaleSeconds: 0,
  gatewayUrl: stack.gatewayUrl,
  serviceUrl: (n) => stack.services[n].url!,
  databaseUrl: (n) => stack.services[n].deps.config.databaseUrl,
  memory: () => `the stack's one Node process RSS ${mb(process.memoryUsage().rss)}`,
});

/** VmRSS of a process, from /proc (Linux). */
export function rssOf(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * The four production processes (`npm start` with a broker): each service
 * and the gateway from its own `main.ts`, configured by environment, on
 * fresh databases of the benchmark's PostgreSQL and the benchmark's broker.
 */
export async function startProcessTarget(
  pg: RunningPostgres,
  kafka: KafkaEnv,
  env: NodeJS.ProcessEnv = {},
  /** Existing databases (the in-process stack's) instead of fresh ones. */
  databases?: Record<ServiceName, string>,
): Promise<BenchTarget & { stop(): Promise<void>; pid(name: string): number | undefined }> {
  const services = {} as Record<ServiceName, ServiceConfig>;
  for (const n of SERVICE_NAMES) {
    const db = `benchp_${n.replace(/-/g, '_')}`;
    if (!databases) await ensureDatabase(pg.url('postgres'), db);
    services[n] = { port: await freePort(), databaseUrl: databases?.[n] ?? pg.url(db), outbox: {} } as ServiceConfig;
  }
  const gatewayPort = await freePort();
  const supervisor = startProcesses({
    services,
    kafka,
    log: createLogger('bench', 'silent'),
    // BENCH_LOG_DIR: the processes' logs (at BENCH_LOG_LEVEL, warn by default) kept there, one file per start.
    out: process.env.BENCH_LOG_DIR
      ? createWriteStream(join(process.env.BENCH_LOG_DIR, `processes-${Date.now()}.log`))
      : new Writable({ write: (_c, _e, done) => done() }),
    env: {
      ...process.env,
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
      GATEWAY_PORT: String(gatewayPort),
      KAFKA_TOPIC_PREFIX: 'benchp.',
      ...env,
    },
  });
  await Promise.all(PROCESS_NAMES.map((n) => supervisor.get(n)!.ready()));
  return {
    label: 'services and gateway as separate processes (npm start with a broker)',
    statisticsCacheSeconds: Number(env.STATISTICS_CACHE_SECONDS ?? process.env.STATISTICS_CACHE_SECONDS ?? 2),
    statisticsStaleSeconds: Number(env.STATISTICS_STALE_SECONDS ?? process.env.STATISTICS_STALE_SECONDS ?? 5),
    gatewayUrl: `http://127.0.0.1:${gatewayPort}/graphql`,
    serviceUrl: (n) => `http://127.0.0.1:${services[n].port}/graphql`,
    databaseUrl: (n) => services[n].databaseUrl,
    memory: () => {
      const each = PROCESS_NAMES.map((n) => [n, rssOf(supervisor.get(n)!.pid)] as const);
      const total = each.reduce((s, [, b]) => s + b, 0);
      return `RSS ${each.map(([n, b]) => `${n} ${mb(b)}`).join(', ')}; total ${mb(total)}`;
    },
    pid: (name) => supervisor.get(name)?.pid,
    stop: () => supervisor.stop(STOP_ORDER),
  };
}
