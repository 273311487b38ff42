import { agencySource, uuidv7, type Agency } from '@sc/kernel';
import type { IncomingRecord, OutgoingRecord } from './bus';

/**
 * CloudEvents 1.0 in Kafka binary mode: attributes in `ce_*` headers, the
 * JSON body is `data`. Key = subject = citizen id, so every message about one
 * citizen lands on one partition, in order.
 */
export interface Envelope<D = unknown> {
  id: string;
  type: string;
  source: string;
  subject: string;
  time: string;
  data: D;
}

export function newEnvelope<D>(type: string, from: Agency, citizenId: string, data: D, now = new Date()): Envelope<D> {
  return {
    id: uuidv7(now.getTime()),
    type,
    source: agencySource(from),
    subject: citizenId,
    time: now.toISOString(),
    data,
  };
}

export function toRecord(topic: string, env: Envelope): OutgoingRecord {
  return {
    topic,
    key: env.subject,
    headers: {
      ce_specversion: '1.0',
      ce_id: env.id,
      ce_type: env.type,
      ce_source: env.source,
      ce_subject: env.subject,
      ce_time: env.time,
      'content-type': 'application/json',
    },
    value: JSON.stringify(env.data),
  };
}

/** A record that is not a valid envelope: never retried, dead-lettered at once. */
export class MalformedMessageError extends Error {
  override name = 'MalformedMessageError';
  readonly code = 'MALFORMED_ENVELOPE';
}

const REQUIRED = ['ce_id', 'ce_type', 'ce_source', 'ce_subject', 'ce_time'] as const;

export function fromRecord(rec: IncomingRecord): Envelope {
  for (const h of REQUIRED) {
    if (!rec.headers[h]) throw new MalformedMessageError(`header ${h} is missing`);
  }
  if (rec.headers.ce_specversion !== '1.0')
    throw new MalformedMessageError(`ce_specversion must be 1.0, got ${rec.headers.ce_specversion}`);
  let data: unknown;
  try {
    data = JSON.parse(rec.value);
  } catch (e) {
    throw new MalformedMessageError(`body is not JSON: ${(e as Error).message}`);
  }
  return {
    id: rec.headers.ce_id!,
    type: rec.headers.ce_type!,
    source: rec.headers.ce_source!,
    subject: rec.headers.ce_subject!,
    time: rec.headers.ce_time!,
    data,
  };
}

/** Identity for de-duplication even when the envelope is unreadable. */
export const recordId = (rec: IncomingRecord): string =>
  rec.headers.ce_id || `${rec.topic}/${rec.partition}/${rec.offset}`;
