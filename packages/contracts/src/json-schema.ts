import { z } from 'zod';
import { CATALOGUE } from './catalogue';

export const ENVELOPE_HEADERS = {
  ce_specversion: '1.0',
  ce_id: 'unique message id (UUID); consumers deduplicate on it',
  ce_type: 'message type, e.g. referral.for-contract.v1',
  ce_source: 'producing agency, e.g. /agencies/social-service',
  ce_subject:
    'the Kafka key: the citizen id; on sc.commission.v1 the meeting id, on sc.notifications.v1 the recipient, on sc.reference-data.v1 the entry code',
  ce_time: 'RFC 3339 time the state change was committed',
  'content-type': 'application/json',
  ce_recipient:
    'on messages addressed to one agency: that agency (SOCIAL_PROTECTION, EMPLOYMENT, SOCIAL_SERVICE), the same as the body field the type names; others may pass the record over unread',
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
