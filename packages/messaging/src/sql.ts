import type { EntityManager } from '@mikro-orm/core';

type Method = 'all' | 'get' | 'run';

/**
 * Raw SQL inside the caller's transaction. The messaging tables are written
 * with plain SQL: they are infrastructure, not domain entities, and the hot
 * paths (relay, inbox) want exactly one statement each.
 */
export async function execInTx<T = any>(
  em: EntityManager,
  sql: string,
  params: unknown[] = [],
  method: Method = 'all',
): Promise<T> {
  const tx = em.getTransactionContext();
  if (!tx) throw new Error('programmer error: messaging writes must run inside em.transactional()');
  const conn = em.getConnection() as unknown as {
    execute(q: string, p: unknown[], m: Method, ctx: unknown): Promise<T>;
  };
  return conn.execute(sql, params, method, tx);
}
