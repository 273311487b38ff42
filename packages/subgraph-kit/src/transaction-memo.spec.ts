import type { EntityManager } from '@mikro-orm/core';
import { forgetInTransaction, memoInTransaction } from './transaction-memo';

const emIn = (tx: object | undefined) => ({ getTransactionContext: () => tx }) as unknown as EntityManager;

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
