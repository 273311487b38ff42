import { join } from 'node:path';
import { CATALOGUE, TOPICS } from '@sc/contracts';
import { startIntegratorConsumer, type EventHandler } from '@sc/example-integrator-consumer';
import { createTestDatabase, eventually, query, testInfra, tokenFor } from '@sc/testing';
import { SERVICE_NAMES } from '../src/stack';
import { referFromSocialService } from './partner.flow';
import { useTestStack } from './test-stack';

const TOPICS_READ = [TOPICS.notifications, TOPICS.referrals];
const SCHEMAS = join(__dirname, '..', '..', '..', 'packages', 'contracts', 'schemas');

/**
 * examples/integrator-consumer, run as its README says against the running
 * system: every referral and notification event is handled once in the
 * integrator's own database, and the same records read again (another group,
 * as after a lost offset commit) change nothing there.
 */
describe('the example integrator consumer against the running system', () => {
  const s = useTestStack();

  it('handles every event of its topics once; reading them all again handles none twice', async () => {
    await referFromSocialService({
      gatewayUrl: s.gatewayUrl,
      token: await tokenFor('SOCIAL_SERVICE', ['SPECIALIST'], 'ex-kcson'),
      seed: 2001,
      lastName: 'Примерова',
      firstName: 'Ольга',
      birthDate: '1991-01-01',
    });
    // What the services published on those topics (the referral, its acceptance, the HEAD's notice).
    const expected = await eventually(async () => {
      let n = 0;
      for (const name of SERVICE_NAMES) {
        const [r] = await query(
          s.db[name],
          `select count(*)::int as n, count(*) filter (where published_at is null)::int as pending
             from outbox_message where topic = any($1)`,
          [TOPICS_READ.map((t) => `${s.topicPrefix}${t}`)],
        );
        if (r.pending) return undefined;
        n += r.n;
      }
      return n >= 3 ? n : undefined;
    });

    const db = await createTestDatabase('integrator');
    await query(db, `create table integrator_event_log (ce_id text primary key, type text not null, subject text)`);
    const log: EventHandler = async (e, tx) => {
      await tx.query('insert into integrator_event_log (ce_id, type, subject) values ($1, $2, $3)', [
        e.id,
        e.type,
        e.subject,
      ]);
    };
    const handlers = Object.fromEntries(
      CATALOGUE.filter((m) => (TOPICS_READ as string[]).includes(m.topic)).map((m) => [m.type, log]),
    );
    const lines: string[] = [];
    const run = (groupId: string) =>
      startIntegratorConsumer({
        brokers: testInfra().kafkaBrokers,
        groupId,
        topicPrefix: s.topicPrefix,
        topics: TOPICS_READ,
        databaseUrl: db,
        schemasDir: SCHEMAS,
        handlers,
        log: (l) => lines.push(l),
      });
    const count = async (table: string) => (await query(db, `select count(*)::int as n from ${table}`))[0].n as number;

    const first = await run(`ex-${s.topicPrefix}a`);
    await eventually(async () => (await count('integrator_processed')) === expected, 60_000);
    await first.stop();
    expect(await count('integrator_event_log')).toBe(expected);
    expect(await count('integrator_rejected')).toBe(0);
    const types = (await query(db, 'select distinct type from integrator_event_log order by 1')).map((r) => r.type);
    expect(types).toEqual(
      expect.arrayContaining(['notification.referral-received.v1', 'referral.accepted.v1', 'referral.for-contract.v1']),
    );

    // The same records again (a second group: as if every offset commit had been lost): all duplicates.
    const second = await run(`ex-${s.topicPrefix}b`);
    await eventually(async () => lines.filter((l) => l.startsWith('duplicate')).length === expected, 60_000);
    await second.stop();
    expect(await count('integrator_processed')).toBe(expected);
    expect(await count('integrator_event_log')).toBe(expected);
  }, 180_000);
});
