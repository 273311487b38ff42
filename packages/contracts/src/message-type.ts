import type { z } from 'zod';

/** Logical topics; a deployment may prefix them (KAFKA_TOPIC_PREFIX). */
export const TOPICS = {
  referrals: 'sc.referrals.v1',
  citizens: 'sc.citizens.v1',
  deadLetter: 'sc.dead-letter.v1',
} as const;
export type TopicName = (typeof TOPICS)[keyof typeof TOPICS];

/**
 * One message type: its CloudEvents `type`, the topic it travels on, and the
 * schema of its body, defined once here. JSON Schema and the AsyncAPI document
 * for integrators are generated from this (scripts/generate-json-schemas.ts).
 * A breaking change to a schema is a new type with the next version suffix.
 */
export interface MessageType<S extends z.ZodType = z.ZodType> {
  type: string;
  topic: TopicName;
  /** DOMAIN.md §5 number, when the message is one of the agreed exchanges. */
  domainRef?: string;
  description: string;
  schema: S;
  examples: z.input<S>[];
}

export const defineMessage = <S extends z.ZodType>(m: MessageType<S>): MessageType<S> => m;

export type MessageData<M extends MessageType> = z.output<M['schema']>;
/** What a producer passes (before defaults and normalisation). */
export type MessageInput<M extends MessageType> = z.input<M['schema']>;
