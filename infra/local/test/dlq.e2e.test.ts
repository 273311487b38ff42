import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { MikroORM } from '@mikro-orm/postgresql';
import { referralForContractV1 } from '@sc/contracts';
import { NotFoundError } from '@sc/kernel';
import { createLogger } from '@sc/runtime';
import { handler, InboxConsumer, InProcessBus, newEnvelope, Outbox, toRecord, topicName } from '@sc/messaging';
import { eventually, query, messagingTestDatabase } from '@sc/testing';

const ROOT = join(__dirname, '..', '..', '..');
const run = promisify(execFile);

/**
 * `npm run dlq` against real dead letters: a consumer refuses two messages
 * (a domain refusal, as a wrong citizen key would be), then the operator lists,
 * replays one and discards the other — each visible in the table.
 */
describe('npm run dlq on real dead letters', () => {
  const log = createLogger('dlq-test', 'silent');
  let db: string;
  let orm: MikroORM;
  const bus = new InProcessBus(log);

  beforeAll(async () => {
    ({ db, orm } = await messagingTestDatabase('dlq'));
    const outbox = new Outbox('SOCIAL_PROTECTION', 'dlq.');
    const consumer = new InboxConsumer({
      name: 'social-protection',
      orm,
      bus,
      outbox,
      logger: log,
      maxAttempts: 2,
      backoff: { initialMs: 10, maxMs: 10, factor: 1 },
      handlers: [
        handler({
          message: referralForContractV1,
          async handle(d) {
            throw new NotFoundError('Citizen', d.citizenId, 'citizenId');
          },
        }),
      ],
    });
    await consumer.start();
    for (let i = 0; i < 2; i++) {
      const data = { ...referralForContractV1.examples[0]!, referralId: crypto.randomUUID() };
      const env = newEnvelope(referralForContractV1.type, 'SOCIAL_SERVICE', data.citizenId, data);
      await bus.publish([toRecord(topicName('dlq.', referralForContractV1.topic), env)]);
    }
    await eventually(async () => (await query(db, `select count(*)::int n from dead_letter`))[0].n === 2);
    await consumer.stop();
  }, 60_000);

  afterAll(async () => {
    await orm?.close(true);
    await bus.close();
  });

  const dlq = (...args: string[]) =>
    run('npm', ['run', '-s', 'dlq', '--', ...args, '--service', 'social-protection'], {
      cwd: ROOT,
      env: { ...process.env, SOCIAL_PROTECTION_DATABASE_URL: db, KAFKA_TOPIC_PREFIX: 'dlq.' },
    });

  it('lists, replays and discards', async () => {
    const rows = await query(db, `select id, error_code from dead_letter order by created_at`);
    const listed = (await dlq('list')).stdout;
    for (const r of rows) expect(listed).toContain(`${r.id}  `);
    expect(listed).toMatch(/referral\.for-contract\.v1 {2}dlq\.sc\.referrals\.v1\/\d+@\d+ {2}CITIZEN_NOT_FOUND: /);

    expect((await dlq('replay', '--id', rows[0].id)).stdout).toContain('1 dead letter(s) queued for republishing');
    expect((await dlq('discard', '--id', rows[1].id)).stdout).toContain('1 dead letter(s) discarded');
    const after = await query(db, `select id, status from dead_letter order by created_at`);
    expect(after.map((r) => r.status)).toEqual(['REPLAYED', 'DISCARDED']);
    // The replay is an outbox row with the original message id, for the relay to publish.
    const [out] = await query(db, `select topic, headers from outbox_message where type = 'referral.for-contract.v1'`);
    expect(out.topic).toBe('dlq.sc.referrals.v1');
    expect((await dlq('list')).stdout.trim()).toBe('no pending dead letters');
  }, 60_000);
});
