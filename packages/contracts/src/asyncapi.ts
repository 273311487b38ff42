import { CATALOGUE } from './catalogue';
import { MESSAGE_FLOWS } from './flows';
import { ENVELOPE_HEADERS, jsonSchemaOf } from './json-schema';
import { RECIPIENT_HEADER, TOPICS, type MessageType, type TopicName } from './message-type';

/** What each topic's Kafka key is: the order that matters to its consumers. */
const KEY_OF: Record<TopicName, string> = {
  [TOPICS.referrals]: 'the citizen id',
  [TOPICS.citizens]: 'the citizen id',
  [TOPICS.contracts]: 'the citizen id',
  [TOPICS.commission]: 'the meeting id',
  [TOPICS.serviceReports]: 'the citizen id',
  [TOPICS.referenceData]: 'the entry code (ОКТМО)',
  [TOPICS.notifications]: 'the recipient: a token subject, or agency:role:territory',
  [TOPICS.deadLetter]: 'the original key',
};

const AGENCY_NAMES = { SOCIAL_PROTECTION: 'ЦСПН', EMPLOYMENT: 'ЦЗН', SOCIAL_SERVICE: 'КЦСОН' } as const;
const camel = (s: string) => s.replace(/[-.]([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const channelId = (topic: string) => camel(topic.replace(/^sc\./, '').replace(/\.v\d+$/, ''));
const messageId = (type: string) => camel(type);

const DEAD_LETTER_HEADERS = {
  'x-dead-letter-consumer': 'the consumer (service) that gave up on the record',
  'x-original-topic': 'the topic the record was read from',
  'x-original-partition': 'its partition',
  'x-original-offset': 'its offset',
  'x-error-code': 'why: MALFORMED_ENVELOPE, SCHEMA_VIOLATION, CONTROL_CHARACTER, a domain code, RETRIES_EXHAUSTED',
  'x-error': 'the error message (no personal data)',
};

const VERSIONING = `**Versions.** A type's name ends in its version (\`.v1\`). Within a version a producer may only add
optional fields, add enum values documented as open, and relax a pattern; consumers ignore what they do not
know. Anything else — a field removed, renamed, made required or retyped, a meaning changed — is a new
type \`.v2\` on the same topic, produced beside \`.v1\` for at least six months (two release trains) after
every known consumer confirms it reads \`.v2\`. A topic's own \`.vN\` changes only when its key or
partitioning does.`;

const DESCRIPTION = `Messages between ЦСПН, ЦЗН and КЦСОН (the social contract, seed 000) and notices for integrators.

**Envelope.** CloudEvents 1.0 in Kafka binary mode: the headers below, a JSON body validated against the
type's schema by every consumer. Delivery is at least once: deduplicate on \`ce_id\`.

**Keys and order.** Each channel states its key; all records with one key are in one partition, in order.
Partitions are chosen by murmur2 of the key (Kafka's Java default, kafkajs' DefaultPartitioner): a
producer must use the same (librdkafka: \`partitioner=murmur2_random\`) or per-key order breaks.

${VERSIONING}`;

const headersSchema = (extra: Record<string, string> = {}, addressee?: string) => ({
  type: 'object',
  required: [
    'ce_specversion',
    'ce_id',
    'ce_type',
    'ce_source',
    'ce_subject',
    'ce_time',
    'content-type',
    ...(addressee ? [RECIPIENT_HEADER] : []),
  ],
  properties: {
    ce_specversion: { type: 'string', const: '1.0', description: ENVELOPE_HEADERS.ce_specversion },
    ce_id: { type: 'string', format: 'uuid', description: ENVELOPE_HEADERS.ce_id },
    ce_type: { type: 'string', pattern: '^[a-z-]+(\\.[a-z-]+)+\\.v[0-9]+$', description: ENVELOPE_HEADERS.ce_type },
    ce_source: {
      type: 'string',
      enum: ['/agencies/social-protection', '/agencies/employment', '/agencies/social-service'],
      description: ENVELOPE_HEADERS.ce_source,
    },
    ce_subject: { type: 'string', minLength: 1, description: ENVELOPE_HEADERS.ce_subject },
    ce_time: { type: 'string', format: 'date-time', description: ENVELOPE_HEADERS.ce_time },
    'content-type': { type: 'string', const: 'application/json', description: 'the body is JSON' },
    ...(addressee && {
      [RECIPIENT_HEADER]: {
        type: 'string',
        enum: Object.keys(AGENCY_NAMES),
        description: `${ENVELOPE_HEADERS.ce_recipient}; here the body's \`${addressee}\``,
      },
    }),
    ce_traceparent: {
      type: 'string',
      pattern: '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$',
      description: ENVELOPE_HEADERS.ce_traceparent,
    },
    ...Object.fromEntries(Object.entries(extra).map(([k, d]) => [k, { type: 'string', description: d }])),
  },
});

function messageOf(m: MessageType) {
  return {
    name: m.type,
    title: m.domainRef ? `${m.domainRef}: ${m.type}` : m.type,
    summary: m.description,
    contentType: 'application/json',
    headers: headersSchema({}, m.addressee),
    payload: jsonSchemaOf(m.type),
    bindings: { kafka: { key: { type: 'string', description: KEY_OF[m.topic] }, bindingVersion: '0.5.0' } },
    examples: m.examples.map((e, i) => ({ name: `example${i + 1}`, payload: e })),
  };
}

function operationsOf(): Record<string, object> {
  const ops: Record<string, object> = {};
  for (const m of CATALOGUE) {
    const flow = MESSAGE_FLOWS[m.type];
    if (!flow) throw new Error(`${m.type}: no sender and receiver in MESSAGE_FLOWS`);
    const channel = { $ref: `#/channels/${channelId(m.topic)}` };
    const messages = [{ $ref: `#/channels/${channelId(m.topic)}/messages/${messageId(m.type)}` }];
    for (const [action, parties] of [
      ['send', flow.send],
      ['receive', flow.receive],
    ] as const)
      for (const agency of parties)
        ops[
          `${camel(agency.toLowerCase().replace(/_/g, '-'))}${action === 'send' ? 'Sends' : 'Receives'}${messageId(m.type).replace(/^./, (c) => c.toUpperCase())}`
        ] = {
          action,
          channel,
          messages,
          summary: `${AGENCY_NAMES[agency]} ${action === 'send' ? 'sends' : 'receives'} ${m.type}`,
          'x-agency': agency,
        };
  }
  return ops;
}

/**
 * The AsyncAPI 3.1 document for integrators, generated from the catalogue:
 * servers with the security the Kafka adapter supports, one channel per
 * topic with its key, one operation per agency that sends or receives each
 * type, headers with what is required, the dead-letter channel with its
 * headers, the versioning rules.
 */
export function asyncApiDocument(): object {
  const channels: Record<string, object> = {};
  for (const topic of Object.values(TOPICS)) {
    const msgs = CATALOGUE.filter((m) => m.topic === topic);
    channels[channelId(topic)] = {
      address: topic,
      title: topic,
      description:
        topic === TOPICS.deadLetter
          ? 'Records a consumer could not process, each with its original headers and bytes and the reason in x- headers; `npm run dlq` replays or discards them. Key: the original key.'
          : `Key: ${KEY_OF[topic]}. A deployment may prefix the address (KAFKA_TOPIC_PREFIX).`,
      messages: Object.fromEntries(
        topic === TOPICS.deadLetter
          ? [['deadLetter', { $ref: '#/components/messages/deadLetter' }]]
          : msgs.map((m) => [messageId(m.type), { $ref: `#/components/messages/${messageId(m.type)}` }]),
      ),
      bindings: { kafka: { topic, bindingVersion: '0.5.0' } },
    };
  }
  const messages: Record<string, object> = Object.fromEntries(CATALOGUE.map((m) => [messageId(m.type), messageOf(m)]));
  messages.deadLetter = {
    name: 'dead-letter',
    title: 'A record a consumer could not process',
    summary: 'The original record (any type, headers and body as they were) with why it was set aside.',
    contentType: 'application/json',
    headers: headersSchema(DEAD_LETTER_HEADERS),
    payload: { type: 'object', description: 'the original body, unchanged (not necessarily valid)' },
  };
  return {
    asyncapi: '3.1.0',
    id: 'urn:sc:social-contract-federation:messages',
    info: {
      title: 'Social-contract federation messages',
      version: '1.1.0',
      description: DESCRIPTION,
      contact: { name: 'Social-contract federation team', url: 'https://example.org/social-contract' },
      license: { name: 'Proprietary' },
    },
    defaultContentType: 'application/json',
    servers: {
      local: {
        host: 'localhost:9092',
        protocol: 'kafka',
        description: 'npm start with kcat installed: the Kafka-protocol mock broker (no security)',
      },
      production: {
        host: '{bootstrap}',
        protocol: 'kafka-secure',
        description: 'A cluster over TLS (KAFKA_SSL=true) with SASL (KAFKA_SASL_MECHANISM)',
        variables: {
          bootstrap: { description: 'KAFKA_BROKERS: host:port of a bootstrap broker', default: 'kafka:9093' },
        },
        security: [
          { $ref: '#/components/securitySchemes/scramSha512' },
          { $ref: '#/components/securitySchemes/scramSha256' },
          { $ref: '#/components/securitySchemes/plain' },
        ],
      },
    },
    channels,
    operations: operationsOf(),
    components: {
      messages,
      securitySchemes: {
        scramSha512: { type: 'scramSha512', description: 'KAFKA_SASL_MECHANISM=scram-sha-512' },
        scramSha256: { type: 'scramSha256', description: 'KAFKA_SASL_MECHANISM=scram-sha-256' },
        plain: { type: 'plain', description: 'KAFKA_SASL_MECHANISM=plain (over TLS only)' },
      },
    },
  };
}
