import type { ChildProcess } from 'node:child_process';
import type { Principal } from '@sc/auth';
import { freePort } from '@sc/local-infra';
import type { KafkaBus } from '@sc/messaging';
import type { SubgraphService } from '@sc/subgraph-kit';
import { createSocialServiceServer, referForContract, registerApplication } from '@sc/social-service';
import {
  count,
  createTestDatabase,
  eventually,
  testInfra,
  testKafkaBus,
  testServiceConfig,
  uniqueSuffix,
  validSnils,
  TEST_NEEDS,
} from '@sc/testing';
import { startServiceProcess } from './service-process';

const N = 40;

/**
 * ЦСПН runs as its own process (its real main.ts) and is killed with SIGKILL
 * while referrals stream in. After a restart every referral has exactly one
 * incoming referral, one application and one reply: nothing lost, nothing doubled.
 */
describe('a consumer killed mid-stream resumes without losing or duplicating effects', () => {
  let kcson: SubgraphService;
  let bus: KafkaBus;
  let spDb: string;
  let env: NodeJS.ProcessEnv;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    const prefix = `crash${uniqueSuffix()}.`;
    const { kafkaBrokers, kafkaMock } = testInfra();
    spDb = await createTestDatabase('crash_sp');
    bus = testKafkaBus(`crash-${uniqueSuffix()}`);
    kcson = await createSocialServiceServer(
      testServiceConfig('social-service', await createTestDatabase('crash_ss'), prefix),
      { bus },
    );
    await kcson.start(0);
    env = {
      ...process.env,
      NODE_ENV: 'development',
      LOG_LEVEL: 'silent',
      SOCIAL_PROTECTION_DATABASE_URL: spDb,
      SOCIAL_PROTECTION_PORT: String(await freePort()),
      KAFKA_BROKERS: kafkaBrokers.join(','),
      KAFKA_MOCK: String(kafkaMock),
      KAFKA_TOPIC_PREFIX: prefix,
      KAFKA_SESSION_TIMEOUT_MS: '6000',
      KAFKA_HEARTBEAT_INTERVAL_MS: '500',
      KAFKA_MAX_WAIT_MS: '20',
    };
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await kcson?.stop();
    await bus?.close();
  });

  const startSocialProtection = () =>
    startServiceProcess('services/social-protection/src/main.ts', env, env.SOCIAL_PROTECTION_PORT!);

  it('handles every referral exactly once across a SIGKILL and a restart', async () => {
    child = await startSocialProtection();
    const deps = kcson.deps;
    const who: Principal = {
      subject: 'crash-test',
      agency: 'SOCIAL_SERVICE',
      roles: ['SPECIALIST'],
      territory: '25701000',
    };
    const needs = TEST_NEEDS;
    for (let i = 0; i < N; i++) {
      const app = await registerApplication(
        { deps, principal: who, em: deps.orm.em.fork() },
        {
          citizen: { snils: validSnils(500 + i), lastName: 'Крашева', firstName: `Н${i}`, birthDate: '1991-01-01' },
          needs,
          circumstances: [],
        },
      );
      await referForContract(
        { deps, principal: who, em: deps.orm.em.fork() },
        { citizenId: app.citizenId, basis: 'LOW_INCOME' },
      );
      if (i === 10) {
        // some referrals are handled, others are in flight: kill without any chance to clean up
        await eventually(async () => (await count(spDb, 'incoming_referral')) > 0, 60_000);
        child.kill('SIGKILL');
      }
    }
    const handledBeforeRestart = await count(spDb, 'incoming_referral');
    expect(handledBeforeRestart).toBeLessThan(N);

    child = await startSocialProtection();
    await eventually(async () => (await count(spDb, 'incoming_referral')) === N, 90_000, 200);
    await eventually(
      async () => (await count(deps.config.databaseUrl, 'outgoing_referral', `status = 'ACCEPTED'`)) === N,
      60_000,
      200,
    );
    expect(await count(spDb, 'sc_application')).toBe(N);
    expect(await count(spDb, 'outbox_message', `type = 'referral.accepted.v1'`)).toBe(N);
    expect(await count(spDb, 'inbox_message', `type = 'referral.for-contract.v1'`)).toBe(N);
    expect(await count(spDb, 'dead_letter')).toBe(0);
  }, 180_000);
});
