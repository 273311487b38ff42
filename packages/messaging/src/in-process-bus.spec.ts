import { InProcessBus } from './in-process-bus';
import type { IncomingRecord } from './bus';

const rec = (key: string, value: string) => ({ topic: 't', key, headers: { ce_id: value }, value });
const until = async (cond: () => boolean, ms = 2000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('InProcessBus (same semantics as the Kafka adapter)', () => {
  it('delivers records with the same key in order', async () => {
    const bus = new InProcessBus();
    const seen: string[] = [];
    await bus.subscribe({ groupId: 'g', topics: ['t'], handle: async (r) => void seen.push(r.value) });
    await bus.publish(Array.from({ length: 50 }, (_, i) => rec('k', String(i))));
    await until(() => seen.length === 50);
    expect(seen).toEqual(Array.from({ length: 50 }, (_, i) => String(i)));
  });

  it('redelivers a record whose handler failed, and does not move past it', async () => {
    const bus = new InProcessBus();
    const seen: string[] = [];
    let failOnce = true;
    await bus.subscribe({
      groupId: 'g',
      topics: ['t'],
      handle: async (r) => {
        if (r.value === '1' && failOnce) {
          failOnce = false;
          throw new Error('transient');
        }
        seen.push(r.value);
      },
    });
    await bus.publish([rec('k', '1'), rec('k', '2')]);
    await until(() => seen.length === 2);
    expect(seen).toEqual(['1', '2']);
  });

  it('resumes a stopped group where it left off, and each group gets every record', async () => {
    const bus = new InProcessBus();
    const a: IncomingRecord[] = [];
    const b: IncomingRecord[] = [];
    const subA = await bus.subscribe({ groupId: 'a', topics: ['t'], handle: async (r) => void a.push(r) });
    await bus.subscribe({ groupId: 'b', topics: ['t'], handle: async (r) => void b.push(r) });
    await bus.publish([rec('x', '1')]);
    await until(() => a.length === 1 && b.length === 1);
    await subA.stop();
    await bus.publish([rec('x', '2'), rec('y', '3')]);
    await until(() => b.length === 3);
    expect(a).toHaveLength(1);
    await bus.subscribe({ groupId: 'a', topics: ['t'], handle: async (r) => void a.push(r) });
    await until(() => a.length === 3);
    expect(a.map((r) => r.value).sort()).toEqual(['1', '2', '3']);
  });

  it('gives what waits in a partition as batches of at most maxBatch, in order, and a failed batch again', async () => {
    const bus = new InProcessBus();
    const batches: string[][] = [];
    let failOnce = true;
    // Published before subscribing: the backlog is there when the worker starts.
    await bus.publish(Array.from({ length: 25 }, (_, i) => rec('k', String(i))));
    await bus.subscribe({
      groupId: 'g',
      topics: ['t'],
      maxBatch: 10,
      handle: async (r) => void batches.push([r.value]),
      handleBatch: async (rs) => {
        if (failOnce && rs[0]!.value === '10') {
          failOnce = false;
          throw new Error('transient');
        }
        batches.push(rs.map((r) => r.value));
      },
    });
    await until(() => batches.flat().length === 25);
    expect(batches.map((b) => b.length)).toEqual([10, 10, 5]);
    expect(batches.flat()).toEqual(Array.from({ length: 25 }, (_, i) => String(i)));
  });
});
