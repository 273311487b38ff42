import { backoffDelay, sleep } from '@sc/kernel';
import { type Logger } from '@sc/runtime';
import type { IncomingRecord, MessageBus, OutgoingRecord, PartitionLag, SubscribeOptions, Subscription } from './bus';
import { partitionFor } from './partition';

interface Group {
  options: SubscribeOptions;
  /** committed offset per `topic/partition` */
  offsets: Map<string, number>;
  active: boolean;
  workers: Set<string>;
  idle: Array<() => void>;
}

/**
 * The embedded default's bus: Kafka's semantics (partitions by key, consumer
 * groups with committed offsets, redelivery on failure, resume after stop) in
 * one process. It keeps records in memory only: a crash loses what was
 * published but not yet consumed, which Kafka would keep. Use Kafka where that
 * matters; the outbox still guarantees nothing is lost before publishing.
 */
export class InProcessBus implements MessageBus {
  readonly kind = 'in-process' as const;
  private readonly logs = new Map<string, IncomingRecord[][]>();
  private readonly groups = new Map<string, Group>();

  constructor(
    private readonly log?: Logger,
    private readonly partitions = 4,
  ) {}

  private topicLog(topic: string): IncomingRecord[][] {
    let l = this.logs.get(topic);
    if (!l) {
      l = Array.from({ length: this.partitions }, () => []);
      this.logs.set(topic, l);
    }
    return l;
  }

  async publish(records: OutgoingRecord[]): Promise<void> {
    const touched = new Set<string>();
    for (const r of records) {
      const partition = partitionFor(r.key, this.partitions);
      const log = this.topicLog(r.topic)[partition]!;
      log.push({ ...r, headers: { ...r.headers }, partition, offset: String(log.length) });
      touched.add(r.topic);
    }
    for (const g of this.groups.values()) {
      if (g.active && g.options.topics.some((t) => touched.has(t))) this.pump(g);
    }
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    let g = this.groups.get(options.groupId);
    if (g?.active) throw new Error(`group ${options.groupId} already has a running subscription in this process`);
    if (!g) {
      g = { options, offsets: new Map(), active: true, workers: new Set(), idle: [] };
      this.groups.set(options.groupId, g);
    } else {
      g.options = options;
      g.active = true;
    }
    const group = g;
    this.pump(group);
    return {
      stop: async () => {
        group.active = false;
        if (group.workers.size) await new Promise<void>((res) => group.idle.push(res));
      },
    };
  }

  private pump(g: Group): void {
    for (const topic of g.options.topics) {
      this.topicLog(topic).forEach((_p, partition) => {
        const k = `${topic}/${partition}`;
        if (!g.workers.has(k)) void this.drain(g, topic, partition, k);
      });
    }
  }

  /** One worker per partition: strictly sequential (what is there, in batches when asked), offset moves after success. */
  private async drain(g: Group, topic: string, partition: number, k: string): Promise<void> {
    g.workers.add(k);
    try {
      const log = this.topicLog(topic)[partition]!;
      let attempt = 0;
      while (g.active) {
        const offset = g.offsets.get(k) ?? 0;
        const { handleBatch, maxBatch = 1 } = g.options;
        const recs = log.slice(offset, offset + (handleBatch ? maxBatch : 1));
        if (recs.length === 0) break;
        try {
          if (handleBatch && recs.length > 1) await handleBatch(recs);
          else await g.options.handle(recs[0]!);
          g.offsets.set(k, offset + recs.length);
          attempt = 0;
        } catch (e) {
          attempt++;
          this.log?.warn(
            { err: e, topic, partition, offset, attempt },
            'handler failed; the record will be redelivered',
          );
          await sleep(backoffDelay(attempt, { initialMs: 50, maxMs: 5_000, factor: 2 }));
        }
      }
    } finally {
      g.workers.delete(k);
      if (g.workers.size === 0) g.idle.splice(0).forEach((r) => r());
    }
  }

  async ping(): Promise<void> {}

  lag(): PartitionLag[] {
    const out: PartitionLag[] = [];
    for (const [group, g] of this.groups)
      for (const topic of g.options.topics)
        this.topicLog(topic).forEach((records, partition) => {
          const lag = records.length - (g.offsets.get(`${topic}/${partition}`) ?? 0);
          out.push({ group, topic, partition, lag });
        });
    return out;
  }

  async close(): Promise<void> {
    for (const g of this.groups.values()) g.active = false;
  }
}
