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
  query,
  testInfra,
  testKafkaBus,
  testServiceConfig,
  uniqueSuffix,
  validSnils,
  TEST_NEEDS,
} from '@sc/testing';
import { startServiceProcess } from './service-process';

const N = 40;
/** Referrals of the burst: enough that ЦСПН handles them in batches of many when it is killed. */
const BURST = 600;

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

  /** After the restart: every referral so far received, opened, answered and accepted exactly once; no dead letter. */
  const expectEachHandledOnce = async (total: number) => {
    await eventually(async () => (await count(spDb, 'incoming_referral')) === total, 120_000, 200);
    const accepted = () => count(kcson.deps.config.databaseUrl, 'outgoing_referral', `status = 'ACCEPTED'`);
    await eventually(async () => (await accepted()) === total, 60_000, 200);
    expect(await count(spDb, 'sc_application')).toBe(total);
    expect(await count(spDb, 'outbox_message', `type = 'referral.accepted.v1'`)).toBe(total);
    expect(await count(spDb, 'inbox_message', `type = 'referral.for-contract.v1'`)).toBe(total);
    expect(await count(spDb, 'dead_letter')).toBe(0);
  };

  const startSocialProtection = () =>
    startServiceProcess('services/social-protection/src/main.ts', env, env.SOCIAL_PROTECTION_PORT!);

  /** A КЦСОН specialist of город Иркутск. */
  const who: Principal = {
    subject: 'crash-test',
    agency: 'SOCIAL_SERVICE',
    roles: ['SPECIALIST'],
    territory: '25701000',
  };

  it('handles every referral exactly once across a SIGKILL and a restart', async () => {
    child = await startSocialProtection();
    const deps = kcson.deps;
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
    await expectEachHandledOnce(N);
  }, 180_000);

  it('at saturation, killed in the middle of its batches, handles every referral of a burst exactly once', async () => {
    child ??= await startSocialProtection();
    const deps = kcson.deps;
    const ctx = () => ({ deps, principal: who, em: deps.orm.em.fork() });
    const citizens: string[] = [];
    for (let i = 0; i < BURST; i++) {
      const citizen = {
        snils: validSnils(20_000 + i),
        lastName: 'Пачкова',
        firstName: `П${i}`,
        birthDate: '1990-02-02',
      };
      citizens.push((await registerApplication(ctx(), { citizen, needs: TEST_NEEDS, circumstances: [] })).citizenId);
    }
    const before = await count(spDb, 'incoming_referral');
    // 16 specialists refer back to back (as the bench's saturation run); ЦСПН is killed once it is well under way.
    let next = 0;
    const senders = Array.from({ length: 16 }, async () => {
      while (next < citizens.length)
        await referForContract(ctx(), { citizenId: citizens[next++]!, basis: 'LOW_INCOME' });
    });
    await eventually(async () => (await count(spDb, 'incoming_referral')) > before + 100, 60_000, 20);
    child.kill('SIGKILL');
    await Promise.all(senders);
    expect(await count(spDb, 'incoming_referral')).toBeLessThan(before + BURST);

    child = await startSocialProtection();
    const total = before + BURST;
    await expectEachHandledOnce(total);
    // Several referrals shared a transaction (the batches this test is about), each recorded once.
    const [inbox] = await query<{ txs: string; n: string }>(
      spDb,
      `select count(distinct xmin::text) txs, count(*) n from inbox_message where type = 'referral.for-contract.v1'`,
    );
    expect(Number(inbox!.txs)).toBeLessThan(Number(inbox!.n));
  }, 300_000);
});
