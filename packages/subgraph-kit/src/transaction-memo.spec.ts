import type { EntityManager } from '@mikro-orm/core';
import { forgetInTransaction, keepReferenceData, memoInTransaction } from './transaction-memo';

/** An EntityManager of one service (`config`, shared by its forks) in transaction `tx`. */
const emIn = (tx: object | undefined, config: object = {}) =>
  ({ getTransactionContext: () => tx, config }) as unknown as EntityManager;

describe('memoInTransaction (reference data read once per transaction)', () => {
  it('loads once per transaction and again in another one', async () => {
    let loads = 0;
    const load = async () => ++loads;
    const [a, b] = [emIn({}), emIn({})];
    expect(await Promise.all([memoInTransaction(a, 'k', load), memoInTransaction(a, 'k', load)])).toEqual([1, 1]);
    expect(await memoInTransaction(b, 'k', load)).toBe(2);
    expect(await memoInTransaction(a, 'other', load)).toBe(3);
  });

  it('keeps nothing outside a transaction', async () => {
    let loads = 0;
    const none = emIn(undefined);
    await memoInTransaction(none, 'k', async () => ++loads);
    await memoInTransaction(none, 'k', async () => ++loads);
    expect(loads).toBe(2);
  });

  it('reads again after the transaction wrote the data, and after a failed load', async () => {
    const em = emIn({});
    let loads = 0;
    await memoInTransaction(em, 'calendar', async () => ++loads);
    forgetInTransaction(em, 'calendar');
    expect(await memoInTransaction(em, 'calendar', async () => ++loads)).toBe(2);
    await expect(memoInTransaction(em, 'x', () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await memoInTransaction(em, 'x', async () => 'ok')).toBe('ok');
  });
});

describe('keepReferenceData (reference data kept for the service a short while)', () => {
  afterEach(() => jest.restoreAllMocks());
  const counter = () => {
    let n = 0;
    return async () => ++n;
  };

  it('shares one read between transactions until the TTL passes, then reads again', async () => {
    const service = {};
    keepReferenceData(emIn(undefined, service), 10_000);
    const load = counter();
    const now = jest.spyOn(Date, 'now').mockReturnValue(1_000_000);
    expect(await memoInTransaction(emIn({}, service), 'calendar', load)).toBe(1);
    now.mockReturnValue(1_009_999);
    expect(await memoInTransaction(emIn({}, service), 'calendar', load)).toBe(1);
    now.mockReturnValue(1_010_000);
    expect(await memoInTransaction(emIn({}, service), 'calendar', load)).toBe(2);
  });

  it('keeps nothing for a service not set up, or set up with 0, and nothing across services', async () => {
    const [plain, off, a, b] = [{}, {}, {}, {}];
    keepReferenceData(emIn(undefined, off), 0);
    keepReferenceData(emIn(undefined, a), 10_000);
    keepReferenceData(emIn(undefined, b), 10_000);
    const load = counter();
    await memoInTransaction(emIn({}, plain), 'k', load);
    expect(await memoInTransaction(emIn({}, plain), 'k', load)).toBe(2);
    await memoInTransaction(emIn({}, off), 'k', load);
    expect(await memoInTransaction(emIn({}, off), 'k', load)).toBe(4);
    expect(await memoInTransaction(emIn({}, a), 'k', load)).toBe(5);
    expect(await memoInTransaction(emIn({}, b), 'k', load)).toBe(6);
  });

  it('forgets at once when a transaction writes the data; that transaction reads past the cache and keeps nothing for others', async () => {
    const service = {};
    keepReferenceData(emIn(undefined, service), 10_000);
    const load = counter();
    expect(await memoInTransaction(emIn({}, service), 'parameters|25', load)).toBe(1);
    const writer = emIn({}, service);
    forgetInTransaction(writer, 'parameters|');
    // The writer sees its own (uncommitted) rows…
    expect(await memoInTransaction(writer, 'parameters|25', load)).toBe(2);
    // …which no other transaction is handed: the next one reads again.
    expect(await memoInTransaction(emIn({}, service), 'parameters|25', load)).toBe(3);
    expect(await memoInTransaction(emIn({}, service), 'parameters|25', load)).toBe(3);
  });

  it('reads for itself when the read it was handed, still in flight, fails', async () => {
    const service = {};
    keepReferenceData(emIn(undefined, service), 10_000);
    let fail!: (e: Error) => void;
    const first = memoInTransaction(emIn({}, service), 'k', () => new Promise<string>((_, reject) => (fail = reject)));
    const second = memoInTransaction(emIn({}, service), 'k', async () => 'own read');
    fail(new Error('current transaction is aborted'));
    await expect(first).rejects.toThrow('aborted');
    expect(await second).toBe('own read');
  });

  it('keeps at most 1000 keys: the least recently used is read again', async () => {
    const service = {};
    keepReferenceData(emIn(undefined, service), 10_000);
    const load = counter();
    for (let day = 0; day <= 1000; day++) await memoInTransaction(emIn({}, service), `parameters|25|${day}`, load);
    expect(await memoInTransaction(emIn({}, service), 'parameters|25|1000', load)).toBe(1001);
    expect(await memoInTransaction(emIn({}, service), 'parameters|25|0', load)).toBe(1002);
  });

  it('does not keep a failed read', async () => {
    const service = {};
    keepReferenceData(emIn(undefined, service), 10_000);
    await expect(memoInTransaction(emIn({}, service), 'k', () => Promise.reject(new Error('db down')))).rejects.toThrow(
      'db down',
    );
    expect(await memoInTransaction(emIn({}, service), 'k', async () => 'ok')).toBe('ok');
  });
});
