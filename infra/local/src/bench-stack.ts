import { readFileSync } from 'node:fs';
import { ensureDatabase, type RunningPostgres } from '@sc/local-infra';
import { DEV_CITIZEN_ID_SECRET, type KafkaEnv, type ServiceConfig } from '@sc/subgraph-kit';
import { SUPERGRAPH_PATH } from '@sc/gateway';
import { BENCH_AUTH as auth } from './bench-common';
import { benchWorklists } from './bench-worklists';
import { SERVICE_NAMES, startStack, type ServiceName, type Stack } from './stack';

export function serviceConfig(name: string, databaseUrl: string, prefix: string): ServiceConfig {
  return {
    name,
    port: 0,
    databaseUrl,
    dbPoolMax: 10,
    statisticsCacheMs: Number(process.env.STATISTICS_CACHE_MS ?? 1000),
    auth,
    citizenIdSecret: DEV_CITIZEN_ID_SECRET,
    topicPrefix: prefix,
    region: '25',
    timeZone: 'Asia/Irkutsk',
    outbox: { batchSize: 500, idlePollMs: 500, retentionHours: 24 },
    consumer: { maxAttempts: 5, batchSize: 100 },
    logLevel: 'silent',
  };
}

/** The whole system in this process on the bench_* databases; `committedAt` gets ЦСПН's commit of each referral. */
export async function startBenchStack(
  pg: RunningPostgres,
  kafka: KafkaEnv | null,
  committedAt?: Map<string, number>,
): Promise<Stack> {
  const urls = {} as Record<ServiceName, string>;
  for (const n of SERVICE_NAMES) {
    await ensureDatabase(pg.url('postgres'), `bench_${n.replace(/-/g, '_')}`);
    urls[n] = pg.url(`bench_${n.replace(/-/g, '_')}`);
  }
  return startStack({
    services: Object.fromEntries(SERVICE_NAMES.map((n) => [n, serviceConfig(n, urls[n], 'bench.')])) as Record<
      ServiceName,
      ServiceConfig
    >,
    kafka,
    gateway: { port: 0, supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'), auth },
    logLevel: 'silent',
    onConsumed: {
      'social-protection': (outcome, env) => {
        if (outcome === 'handled' && env?.type === 'referral.for-contract.v1')
          committedAt?.set((env.data as { referralId: string }).referralId, performance.now());
      },
    },
  });
}

/** Part 4 with a broker: the in-process stack only for the worklists' own data. */
export async function worklistsInProcess(pg: RunningPostgres, kafka: KafkaEnv): Promise<string[]> {
  const stack = await startBenchStack(pg, kafka);
  try {
    return await benchWorklists(stack, auth);
  } finally {
    await stack.stop();
  }
}
