import { readFileSync } from 'node:fs';
import { createTestDatabase, testAuth, testInfra, testServiceConfig, uniqueSuffix } from '@sc/testing';
import { SUPERGRAPH_PATH } from '@sc/gateway';
import { localKafkaEnv } from '@sc/subgraph-kit';
import type { Clock } from '@sc/kernel';
import { SERVICE_NAMES, startStack, type ServiceName, type Stack } from '../src/stack';

/** End-to-end stacks run as deployed: subgraphs accept only requests the gateway vouches for. */
export const TEST_GATEWAY_SECRET = 'test-only-gateway-secret-subgraphs-trust';

export interface TestStack extends Stack {
  db: Record<ServiceName, string>;
  topicPrefix: string;
}

interface StackOptions {
  clock?: Clock;
  explorer?: boolean;
  acceptanceClock?: boolean;
  /** The gateway's statistics cache (off in tests unless a test is about it). */
  statisticsCacheSeconds?: number;
  statisticsStaleSeconds?: number;
}

/** The whole system on the run's PostgreSQL and Kafka-protocol broker, isolated by databases and a topic prefix. */
export async function startTestStack(opts: StackOptions = {}): Promise<TestStack> {
  const { kafkaBrokers, kafkaMock } = testInfra();
  const topicPrefix = `e2e${uniqueSuffix()}.`;
  const db = {} as Record<ServiceName, string>;
  for (const n of SERVICE_NAMES) db[n] = await createTestDatabase(n);
  const stack = await startStack({
    services: Object.fromEntries(
      SERVICE_NAMES.map((n) => [
        n,
        {
          ...testServiceConfig(n, db[n], topicPrefix),
          gatewaySecret: TEST_GATEWAY_SECRET,
          acceptanceClock: opts.acceptanceClock,
        },
      ]),
    ) as never,
    kafka: localKafkaEnv(kafkaBrokers, { mock: kafkaMock }),
    gateway: {
      port: 0,
      supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
      auth: testAuth,
      secret: TEST_GATEWAY_SECRET,
      explorer: opts.explorer,
      statisticsCacheSeconds: opts.statisticsCacheSeconds,
      statisticsStaleSeconds: opts.statisticsStaleSeconds,
    },
    logLevel: process.env.LOG_LEVEL ?? 'silent',
    clock: opts.clock,
  });
  return { ...stack, db, topicPrefix };
}

/** Registers beforeAll/afterAll that start and stop a test stack; the returned object is filled in by the time tests run. */
export function useTestStack(opts: StackOptions = {}): TestStack {
  const s = {} as TestStack;
  beforeAll(async () => {
    Object.assign(s, await startTestStack(opts));
  }, 120_000);
  afterAll(async () => {
    await s.stop?.();
  }, 60_000);
  return s;
}
