import { referralForContractV1, TOPICS, type MessageData } from '@sc/contracts';
import { deriveCitizenId, uuidv7 } from '@sc/kernel';
import { newEnvelope, toRecord } from '@sc/messaging';
import { DEV_CITIZEN_ID_SECRET } from '@sc/subgraph-kit';
import { eventually, gql, metric, scrape, serviceUnderTest, TEST_NEEDS, TEST_TERRITORY, validSnils } from '@sc/testing';
import { createSocialProtectionServer } from '../src/server';

/**
 * `/metrics` of a subgraph as an operator's Prometheus reads it, each series
 * moved by the thing it counts: operations and their errors, the outbox
 * backlog while the relay is held and its drain, consumer outcomes (an
 * inbox duplicate dropped, a dead letter by type), consumer lag, the pool.
 */
describe('ЦСПН metrics (component, real PostgreSQL and Kafka-protocol broker)', () => {
  const sut = serviceUnderTest({
    name: 'social-protection',
    create: createSocialProtectionServer,
    caller: { agency: 'SOCIAL_PROTECTION' },
  });
  const referral = (seed: number, citizenId?: string): MessageData<typeof referralForContractV1> => ({
    referralId: uuidv7(),
    citizenId: citizenId ?? deriveCitizenId(validSnils(seed), DEV_CITIZEN_ID_SECRET),
    fromAgency: 'SOCIAL_SERVICE',
    toAgency: 'SOCIAL_PROTECTION',
    senderCaseId: uuidv7(),
    basis: 'LOW_INCOME',
    person: { snils: validSnils(seed), lastName: 'Метрикова', firstName: 'Анна', birthDate: '1985-07-01' },
    needs: TEST_NEEDS,
    sentAt: new Date().toISOString(),
    territory: TEST_TERRITORY,
  });
  const topic = () => `${sut.prefix}${TOPICS.referrals}`;
  const envelopeOf = (d: MessageData<typeof referralForContractV1>) =>
    newEnvelope(referralForContractV1.type, 'SOCIAL_SERVICE', d.citizenId, d);

  it('runs on the pinned runtime and shows the pool', async () => {
    const m = await scrape(sut.url);
    expect(metric(m, 'nodejs_version_info', { version: `v${process.versions.node}` })).toBe(1);
    expect(metric(m, 'db_pool_connections', { state: 'max', process: 'social-protection' })).toBe(
      sut.svc.deps.config.dbPoolMax,
    );
    expect(metric(m, 'db_pool_connections', { state: 'used' })).toBeGreaterThanOrEqual(0);
  });

  it('times operations by name and counts errors by code', async () => {
    const q = `query ReferralQueue($first: Int) { incomingReferrals(first: $first) { totalCount } }`;
    await gql(sut.url, q, { first: 5 }, sut.token);
    await gql(sut.url, q, { first: 0 }, sut.token); // BAD_USER_INPUT
    const m = await scrape(sut.url);
    const op = { operation: 'ReferralQueue', type: 'query' };
    expect(metric(m, 'graphql_operation_duration_seconds_count', op)).toBe(2);
    expect(metric(m, 'graphql_errors_total', { code: 'BAD_USER_INPUT', operation: 'ReferralQueue' })).toBe(1);
    expect(metric(m, 'http_request_duration_seconds_count', { route: '/graphql', status: '200' })).toBeGreaterThan(0);
  });

  it('shows the outbox backlog and its age while the relay is held, and the drain when it runs', async () => {
    await sut.svc.relay.stop();
    const before = metric(await scrape(sut.url), 'outbox_published_total') ?? 0;
    await sut.bus.publish([toRecord(topic(), envelopeOf(referral(311)))]); // its acceptance reply waits in the outbox
    const held = await eventually(async () => {
      const m = await scrape(sut.url);
      return (metric(m, 'outbox_backlog_messages') ?? 0) >= 1 ? m : undefined;
    });
    expect(metric(held, 'outbox_oldest_unpublished_age_seconds')).toBeGreaterThanOrEqual(0);
    sut.svc.relay.start();
    const drained = await eventually(async () => {
      const m = await scrape(sut.url);
      return metric(m, 'outbox_backlog_messages') === 0 ? m : undefined;
    });
    expect(metric(drained, 'outbox_oldest_unpublished_age_seconds')).toBe(0);
    expect(metric(drained, 'outbox_published_total')).toBeGreaterThan(before);
  });

  it('counts an inbox duplicate dropped, a dead letter by its type, and the lag of the consumed partition', async () => {
    const once = toRecord(topic(), envelopeOf(referral(312)));
    await sut.bus.publish([once, once]); // the same ce_id twice: the second has no effect
    const poison = referral(313, '6c1b8a56-0000-8000-8000-0000000000bb'); // key does not match the СНИЛС
    await sut.bus.publish([toRecord(topic(), envelopeOf(poison))]);
    const m = await eventually(async () => {
      const s = await scrape(sut.url);
      return metric(s, 'dead_letters_pending', { type: referralForContractV1.type }) === 1 ? s : undefined;
    });
    expect(metric(m, 'consumer_messages_total', { outcome: 'duplicate' })).toBeGreaterThanOrEqual(1);
    expect(metric(m, 'consumer_messages_total', { outcome: 'dead_lettered' })).toBe(1);
    expect(metric(m, 'consumer_messages_total', { outcome: 'handled' })).toBeGreaterThanOrEqual(2);
    expect(metric(m, 'kafka_consumer_lag', { topic: topic() })).toBe(0);
  });
});
