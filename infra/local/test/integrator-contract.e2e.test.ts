import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { Kafka as CloudEventsKafka, type CloudEventV1, type KafkaMessage } from 'cloudevents';
import { Kafka, logLevel } from 'kafkajs';
import { TOPICS } from '@sc/contracts';
import { ManualClock } from '@sc/kernel';
import { eventually, graphqlClient, query, testInfra, tokenFor } from '@sc/testing';
import { SERVICE_NAMES } from '../src/stack';
import { referFromSocialService, registerJobSeeker } from './partner.flow';
import { CAREER_GUIDANCE, concludeJobSearchContract, submitApplication } from './social-protection.flow';
import { useTestStack } from './test-stack';

const SCHEMAS = join(__dirname, '..', '..', '..', 'packages', 'contracts', 'schemas');

/**
 * The integrators' view, checked on every run: after the main flows, every
 * record on every topic is read from the broker with plain kafkajs, turned
 * into an event by the official CloudEvents SDK (Kafka binding, binary
 * mode), and its body validated with ajv against the committed JSON Schema
 * of its type — as a consumer outside this code base would do it.
 */
describe('integrator contract: every record on every topic is a valid CloudEvent whose body fits its schema', () => {
  const clock = new ManualClock('2026-11-23T03:00:00Z');
  const s = useTestStack({ clock });

  async function runMainFlows(): Promise<void> {
    const sp = await tokenFor('SOCIAL_PROTECTION', ['SPECIALIST'], 'int-sp');
    const kcsonToken = await tokenFor('SOCIAL_SERVICE', ['SPECIALIST'], 'int-kcson');
    const kcson = graphqlClient(s.gatewayUrl, kcsonToken);
    // Referrals every way, with their lifecycle messages …
    const app = await submitApplication({ gatewayUrl: s.gatewayUrl, seed: 1902, specialist: sp });
    const spc = graphqlClient(s.gatewayUrl, sp);
    await spc.ok(`mutation($id: ID!) { referCitizenToEmploymentCentre(input: { applicationId: $id }) { id } }`, {
      id: app.id,
    });
    const urgent = (
      await spc.ok(
        `mutation($i: ReferCitizenForUrgentServicesInput!) { referCitizenForUrgentServices(input: $i) { id } }`,
        { i: { applicationId: app.id, basis: 'HARDSHIP' } },
      )
    ).referCitizenForUrgentServices;
    const received = await eventually(async () =>
      (
        await kcson.ok(`{ socialServiceIncomingReferrals { edges { node { id urgentCase { id } } } } }`)
      ).socialServiceIncomingReferrals.edges.find((e: { node: { id: string } }) => e.node.id === urgent.id),
    );
    await kcson.ok(`mutation($i: DecideUrgentNeedInput!) { decideUrgentNeed(input: $i) { status } }`, {
      i: { caseId: received.node.urgentCase.id, approve: false, reason: 'помощь оказана родственниками' },
    });
    await referFromSocialService({
      gatewayUrl: s.gatewayUrl,
      token: kcsonToken,
      seed: 1903,
      lastName: 'Интеграторова',
      firstName: 'Анна',
      birthDate: '1990-01-01',
    });
    // … a contract from application to conclusion (M2, its status, notices to the citizen) …
    await concludeJobSearchContract({
      gatewayUrl: s.gatewayUrl,
      clock,
      seed: 1901,
      specialist: sp,
      commissionMember: await tokenFor('SOCIAL_PROTECTION', ['COMMISSION_MEMBER'], 'int-member'),
      activities: [CAREER_GUIDANCE],
    });
    // … the contract holder registers at ЦЗН (M3) …
    await registerJobSeeker({
      gatewayUrl: s.gatewayUrl,
      token: await tokenFor('EMPLOYMENT', ['SPECIALIST'], 'int-czn'),
      seed: 1901,
      lastName: 'Лебедева',
      firstName: 'Нина',
      birthDate: '1987-03-03',
    });
  }

  /** Every record the services published, counted from their outboxes once all are published. */
  const published = () =>
    eventually(async () => {
      let n = 0;
      for (const name of SERVICE_NAMES) {
        const [r] = await query(
          s.db[name],
          `select count(*)::int as n, count(*) filter (where published_at is null)::int as pending from outbox_message`,
        );
        if (r.pending) return undefined;
        n += r.n;
      }
      return n;
    }, 30_000);

  it('reads them all with kafkajs, converts each with the CloudEvents SDK and validates each body with ajv', async () => {
    await runMainFlows();
    await eventually(async () => (await published()) > 0 && true);
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const validators = new Map<string, ReturnType<typeof ajv.compile>>();
    const validatorOf = (type: string) => {
      if (!validators.has(type))
        validators.set(type, ajv.compile(JSON.parse(readFileSync(join(SCHEMAS, `${type}.json`), 'utf8'))));
      return validators.get(type)!;
    };

    const { kafkaBrokers } = testInfra();
    const kafka = new Kafka({ clientId: 'integrator', brokers: kafkaBrokers, logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({
      groupId: `integrator-${s.topicPrefix}`,
      sessionTimeout: 6000,
      heartbeatInterval: 500,
      maxWaitTimeInMs: 20,
    });
    const topics = Object.values(TOPICS)
      .filter((t) => t !== TOPICS.deadLetter)
      .map((t) => `${s.topicPrefix}${t}`);
    const events: CloudEventV1<unknown>[] = [];
    const problems: string[] = [];
    await consumer.connect();
    try {
      await consumer.subscribe({ topics, fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ topic, message }) => {
          const headers = Object.fromEntries(
            Object.entries(message.headers ?? {}).map(([k, v]) => [
              k,
              Buffer.isBuffer(v) ? v.toString('utf8') : String(v),
            ]),
          );
          try {
            const event = CloudEventsKafka.toEvent({
              key: message.key?.toString('utf8') ?? '',
              value: message.value?.toString('utf8'),
              headers,
              timestamp: message.timestamp,
            } as KafkaMessage<string>) as CloudEventV1<unknown>;
            const validate = validatorOf(event.type);
            if (!validate(event.data)) problems.push(`${event.type}: ${ajv.errorsText(validate.errors)}`);
            if (event.subject !== message.key?.toString('utf8')) problems.push(`${event.type}: subject ≠ key`);
            events.push(event);
          } catch (e) {
            problems.push(`${topic}: ${(e as Error).message}`);
          }
        },
      });
      const total = await published();
      await eventually(async () => events.length + problems.length >= total, 60_000);
      expect(events.length + problems.length).toBe(total);
    } finally {
      await consumer.disconnect();
    }

    expect(problems).toEqual([]);
    expect(events.every((e) => e.specversion === '1.0' && e.datacontenttype === 'application/json')).toBe(true);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    const types = new Set(events.map((e) => e.type));
    expect([...types].sort()).toEqual(
      expect.arrayContaining([
        'contract.concluded-for-employment.v1',
        'contract.status-changed.v1',
        'employment.service-event.v1',
        'notification.citizen-notice.v1',
        'notification.referral-received.v1',
        'referral.accepted.v1',
        'referral.for-contract.v1',
        'referral.for-employment-services.v1',
        'referral.for-urgent-and-accompaniment.v1',
        'referral.in-service.v1',
        'referral.result.v1',
      ]),
    );
  }, 180_000);
});
