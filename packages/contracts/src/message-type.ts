import type { z } from 'zod';

/** Logical topics; a deployment may prefix them (KAFKA_TOPIC_PREFIX). */
export const TOPICS = {
  referrals: 'sc.referrals.v1',
  citizens: 'sc.citizens.v1',
  /** Social contracts: conclusion notices with requests to partners (M2, M5), status changes. */
  contracts: 'sc.contracts.v1',
  /**
   * Interagency commission (МВК), M7: invitations and records of decisions (key = meeting id); the draft
   * ПСА sent to ЦЗН and КЦСОН for agreement and their answers (key = citizen id).
   */
  commission: 'sc.commission.v1',
  /** Partners' reports on services given under a contract (M3 from ЦЗН, M6 from КЦСОН). */
  serviceReports: 'sc.service-reports.v1',
  /** Reference data the three agencies keep alike (the territory directory). Key = the entry's code. */
  referenceData: 'sc.reference-data.v1',
  /** Notices to staff (and, later, to citizens) for an integrator to deliver. Key = the recipient. */
  notifications: 'sc.notifications.v1',
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
  /**
   * The body field naming the one agency the message is addressed to (e.g.
   * `toAgency` of a referral, `senderAgency` of a reply to it). Producers copy
   * it into the `ce_recipient` header, so a consumer passes over what is meant
   * for another agency without reading the body.
   */
  addressee?: AddresseeField;
}

/** Body fields that name a message's addressee. */
export type AddresseeField = 'toAgency' | 'senderAgency';

/** The header that carries the addressee (a CloudEvents extension attribute: lowercase letters only). */
export const RECIPIENT_HEADER = 'ce_recipient';

export const defineMessage = <S extends z.ZodType>(m: MessageType<S>): MessageType<S> => m;

export type MessageData<M extends MessageType> = z.output<M['schema']>;
/** What a producer passes (before defaults and normalisation). */
export type MessageInput<M extends MessageType> = z.input<M['schema']>;
