/**
 * The project's own small messaging port. Two adapters implement it with the
 * same semantics: Kafka (kafkajs) and an in-process bus for the embedded
 * default. Semantics both keep:
 * - `publish` resolves only once every record is durably accepted (Kafka:
 *   acks = all) and keeps the order of records with the same key;
 * - a subscription delivers each partition's records one at a time, in order,
 *   and moves past a record only after the handler resolved; a handler that
 *   throws sees the same record again (at-least-once);
 * - a stopped subscription that is started again with the same group resumes
 *   where it left off.
 */
export interface OutgoingRecord {
  topic: string;
  key: string;
  headers: Record<string, string>;
  value: string;
}

export interface IncomingRecord extends OutgoingRecord {
  partition: number;
  offset: string;
  /** The value's bytes exactly as received (the dead-letter store keeps them; `value` is their UTF-8 reading). */
  rawValue?: Buffer;
}

export interface SubscribeOptions {
  groupId: string;
  topics: string[];
  handle: (record: IncomingRecord) => Promise<void>;
  /**
   * When set, consecutive records of one partition (up to `maxBatch`) are
   * given at once; resolving means all of them are done, throwing that the
   * batch comes again. Order within the partition is kept.
   */
  handleBatch?: (records: IncomingRecord[]) => Promise<void>;
  maxBatch?: number;
}

export interface Subscription {
  stop(): Promise<void>;
}

export interface PartitionLag {
  group: string;
  topic: string;
  partition: number;
  lag: number;
}

export interface MessageBus {
  readonly kind: 'kafka' | 'in-process';
  publish(records: OutgoingRecord[]): Promise<void>;
  subscribe(options: SubscribeOptions): Promise<Subscription>;
  /** Throws when the broker cannot be reached (readiness probe). */
  ping(): Promise<void>;
  /** Records behind the end of each partition this process consumes, as of its last batch (metrics). */
  lag(): PartitionLag[];
  close(): Promise<void>;
}
