import { z } from 'zod';
import { CATALOGUE } from './catalogue';
import { TOPICS } from './message-type';

export const ENVELOPE_HEADERS = {
  ce_specversion: '1.0',
  ce_id: 'unique message id (UUID); consumers deduplicate on it',
  ce_type: 'message type, e.g. referral.for-contract.v1',
  ce_source: 'producing agency, e.g. /agencies/social-service',
  ce_subject:
    'the Kafka key: the citizen id; on sc.commission.v1 the meeting id, on sc.notifications.v1 the recipient, on sc.reference-data.v1 the entry code',
  ce_time: 'RFC 3339 time the state change was committed',
  'content-type': 'application/json',
  ce_traceparent:
    'optional: W3C traceparent (CloudEvents distributed-tracing extension) of the producer’s publish span, when it traces',
} as const;

export function jsonSchemaOf(type: string): object {
  const m = CATALOGUE.find((x) => x.type === type);
  if (!m) throw new Error(`unknown message type ${type}`);
  return {
    $id: `urn:sc:message:${m.type}`,
    title: m.type,
    description: m.description,
    ...z.toJSONSchema(m.schema, { io: 'input' }),
  };
}

/** AsyncAPI 3 document for integrators: channels = topics, messages = types. */
export function asyncApiDocument(): object {
  const channels: Record<string, unknown> = {};
  for (const topic of Object.values(TOPICS)) {
    const msgs = CATALOGUE.filter((m) => m.topic === topic);
    channels[topic] = {
      address: topic,
      description:
        topic === TOPICS.deadLetter
          ? 'Messages a consumer could not process, with the error in header x-error'
          : undefined,
      messages: Object.fromEntries(msgs.map((m) => [m.type, { $ref: `#/components/messages/${m.type}` }])),
    };
  }
  const messages = Object.fromEntries(
    CATALOGUE.map((m) => [
      m.type,
      {
        name: m.type,
        title: m.domainRef ? `${m.domainRef}: ${m.type}` : m.type,
        summary: m.description,
        contentType: 'application/json',
        headers: {
          type: 'object',
          properties: Object.fromEntries(
            Object.entries(ENVELOPE_HEADERS).map(([k, d]) => [k, { type: 'string', description: d }]),
          ),
        },
        payload: jsonSchemaOf(m.type),
        examples: m.examples.map((e) => ({ payload: e })),
      },
    ]),
  );
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Social-contract federation messages',
      version: '1.0.0',
      description:
        'Kafka key = citizen id (sc.commission.v1: meeting id; sc.notifications.v1: recipient; sc.reference-data.v1: entry code), partitioned by murmur2 of the key (Kafka Java default); CloudEvents 1.0 binary mode in Kafka headers; JSON body.',
    },
    channels,
    components: { messages },
  };
}
