import type { ChildProcess } from 'node:child_process';
import { Client } from 'pg';
import { addMonths, dateIn } from '@sc/kernel';
import { freePort } from '@sc/local-infra';
import {
  createTestDatabase,
  eventually,
  gql,
  query,
  testInfra,
  TEST_NEEDS,
  tokenFor,
  uniqueSuffix,
  validSnils,
} from '@sc/testing';
import { startServiceProcess } from './service-process';

const JOB = 'social-protection.deadlines';

/**
 * ЦСПН as its own process, killed with SIGKILL while its deadline check
 * runs: the check is held mid-scan by a lock the test takes on the table it
 * reads, the process dies, the lock goes. After a restart pg-boss finds the
 * run past its expiry and runs it again — and the notice it makes is made
 * once, not twice.
 */
describe('a scheduled check killed mid-run resumes without a second effect', () => {
  let env: NodeJS.ProcessEnv;
  let db: string;
  let child: ChildProcess | undefined;
  const url = () => `http://127.0.0.1:${env.SOCIAL_PROTECTION_PORT}/graphql`;

  beforeAll(async () => {
    const { kafkaBrokers, kafkaMock } = testInfra();
    db = await createTestDatabase('sched_crash');
    env = {
      ...process.env,
      NODE_ENV: 'development',
      LOG_LEVEL: 'silent',
      SOCIAL_PROTECTION_DATABASE_URL: db,
      SOCIAL_PROTECTION_PORT: String(await freePort()),
      KAFKA_BROKERS: kafkaBrokers.join(','),
      KAFKA_MOCK: String(kafkaMock),
      KAFKA_TOPIC_PREFIX: `schedcrash${uniqueSuffix()}.`,
      KAFKA_SESSION_TIMEOUT_MS: '6000',
      KAFKA_HEARTBEAT_INTERVAL_MS: '500',
      KAFKA_MAX_WAIT_MS: '20',
      ACCEPTANCE_CLOCK: 'true',
      SCHEDULER_POLL_SECONDS: '0.5',
      SCHEDULER_JOB_EXPIRE_SECONDS: '3',
    };
  });
  afterAll(() => {
    child?.kill('SIGKILL');
  });

  const start = () => startServiceProcess('services/social-protection/src/main.ts', env, env.SOCIAL_PROTECTION_PORT!);
  const runs = () => query(db, `select id, state from pgboss.job where name = $1`, [JOB]);
  const notices = () => query(db, `select payload from outbox_message where type = 'notification.deadline.v1'`);

  it('holds, kills, restarts: the decision missed is announced once', async () => {
    child = await start();
    const specialist = await tokenFor('SOCIAL_PROTECTION', ['SPECIALIST'], 'spec-crash');
    // The income period is the three months before last, in the region's calendar (this test runs on the real date).
    const today = dateIn(new Date(), 'Asia/Irkutsk');
    const months = [4, 3, 2].map((back) => addMonths(today, -back).slice(0, 7));
    const submitted = await gql(
      url(),
      `mutation($i: SubmitScApplicationInput!) { submitScApplication(input: $i) { id } }`,
      {
        i: {
          citizen: { snils: validSnils(993), lastName: 'Упорная', firstName: 'Анна', birthDate: '1991-01-01' },
          zone: 'WHOLE_REGION',
          needs: TEST_NEEDS,
          household: [
            {
              relation: 'APPLICANT',
              fullName: 'Упорная Анна',
              birthDate: '1991-01-01',
              incomes: months.map((month) => ({ month, kind: 'WAGES', amountKopecks: 1_000_000 })),
            },
          ],
        },
      },
      specialist,
    );
    expect(submitted.errors).toBeUndefined();

    // The check will block on this lock as soon as it reads the applications.
    const holder = new Client({ connectionString: db });
    holder.on('error', () => undefined); // the server ends it when the test's database goes away
    await holder.connect();
    await holder.query('begin');
    await holder.query('lock table sc_application in access exclusive mode');
    const admin = await tokenFor('SOCIAL_PROTECTION', ['ADMIN'], 'trainer');
    // Twelve days later the decision (due in 10) is missed; moving the clock runs every check at once.
    const moving = gql(url(), `mutation { advanceSocialProtectionClock(input: { days: 12 }) { today } }`, {}, admin);
    await eventually(async () => (await runs()).some((r) => r.state === 'active'), 20_000, 100);
    child.kill('SIGKILL');
    await moving.catch(() => undefined); // the process died under it
    await holder.query('rollback');
    await holder.end();
    expect(await notices()).toHaveLength(0);

    child = await start();
    await eventually(async () => (await notices()).length > 0, 60_000, 250);
    await eventually(async () => (await runs()).every((r) => ['completed', 'failed'].includes(r.state)), 60_000, 250);
    const made = (await notices()).map((r) => JSON.parse(r.payload));
    expect(made).toEqual([expect.objectContaining({ stage: 'MISSED', kind: 'APPLICATION_DECISION' })]);
    expect((await runs()).filter((r) => r.state === 'completed').length).toBeGreaterThanOrEqual(1);
  }, 180_000);
});
