import { join } from 'node:path';
import pg from 'pg';
import { startIntegratorConsumer, type EventHandler } from './consumer';

/**
 * The example integration: every notification of the federation (to staff
 * and to citizens, M10) and every referral, written to the integrator's own
 * table `integrator_event_log` — where an SMS gateway or a portal would pick
 * them up. Configuration from the environment (see README.md).
 */
async function main(): Promise<void> {
  const env = process.env;
  if (!env.KAFKA_BROKERS || !env.DATABASE_URL) {
    console.error('set KAFKA_BROKERS (npm start prints them) and DATABASE_URL (your own PostgreSQL database)');
    process.exit(1);
  }
  const mechanism = env.KAFKA_SASL_MECHANISM as 'plain' | 'scram-sha-256' | 'scram-sha-512' | undefined;
  const setup = new pg.Client({ connectionString: env.DATABASE_URL });
  await setup.connect();
  await setup.query(
    'create table if not exists integrator_event_log (ce_id text primary key, type text not null, subject text, data jsonb)',
  );
  await setup.end();
  const logEvent: EventHandler = async (event, db) => {
    await db.query('insert into integrator_event_log (ce_id, type, subject, data) values ($1, $2, $3, $4)', [
      event.id,
      event.type,
      event.subject ?? null,
      JSON.stringify(event.data),
    ]);
  };
  const consumer = await startIntegratorConsumer({
    brokers: env.KAFKA_BROKERS.split(','),
    ssl: env.KAFKA_SSL === 'true',
    sasl: mechanism
      ? ({ mechanism, username: env.KAFKA_SASL_USERNAME ?? '', password: env.KAFKA_SASL_PASSWORD ?? '' } as never)
      : undefined,
    groupId: env.GROUP_ID ?? 'example-integrator',
    topicPrefix: env.KAFKA_TOPIC_PREFIX ?? '',
    topics: ['sc.notifications.v1', 'sc.referrals.v1'],
    databaseUrl: env.DATABASE_URL,
    schemasDir: env.SCHEMAS_DIR ?? join(__dirname, '..', '..', '..', 'packages', 'contracts', 'schemas'),
    handlers: Object.fromEntries(
      [
        'notification.citizen-notice.v1',
        'notification.deadline.v1',
        'notification.case-assigned.v1',
        'notification.referral-received.v1',
        'notification.referral-overdue.v1',
        'notification.parameter-missing.v1',
        'referral.for-contract.v1',
        'referral.accepted.v1',
        'referral.returned.v1',
        'referral.in-service.v1',
        'referral.result.v1',
        'referral.expired.v1',
      ].map((type) => [type, logEvent]),
    ),
  });
  const stop = async () => {
    await consumer.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
