import type { EntityManager } from '@mikro-orm/core';
import type { Outbox } from './outbox';
import { execInTx } from './sql';

export interface DeadLetterRow {
  id: string;
  consumer: string;
  message_id: string;
  type: string | null;
  topic: string;
  partition: number;
  offset: string;
  key: string;
  headers: Record<string, string>;
  payload: string;
  error_code: string;
  error: string;
  attempts: number;
  status: 'PENDING' | 'REPLAYED' | 'DISCARDED';
  /** As the driver returns it from a raw query: a string, not a Date. */
  created_at: string | Date;
}

/**
 * Dead letters of scheduled jobs (the kit's scheduler) carry this consumer.
 * They are not messages: replay skips them — the check runs again on its
 * schedule (it is a scan of what is due) — and an operator discards them
 * once the cause is fixed.
 */
export const SCHEDULER_DEAD_LETTERS = 'scheduler';

export async function listDeadLetters(
  em: EntityManager,
  status: DeadLetterRow['status'] = 'PENDING',
): Promise<DeadLetterRow[]> {
  return em.transactional((tx) =>
    execInTx<DeadLetterRow[]>(tx, 'select * from dead_letter where status = ? order by created_at', [status]),
  );
}

/**
 * Replays dead letters: each is published again to its original topic, with
 * its original ce_id, through the outbox (so the replay itself cannot be lost
 * or doubled). Consumers that already handled it skip it by their inbox; the
 * one that failed tries again, and dead-letters it again if it still fails.
 */
export async function replayDeadLetters(em: EntityManager, outbox: Outbox, ids?: string[]): Promise<number> {
  const n = await em.transactional(async (tx) => {
    const rows = await execInTx<DeadLetterRow[]>(
      tx,
      `select * from dead_letter where status = 'PENDING' and consumer <> ? ${ids?.length ? 'and id in (?)' : ''}
        order by created_at for update`,
      ids?.length ? [SCHEDULER_DEAD_LETTERS, ids] : [SCHEDULER_DEAD_LETTERS],
    );
    for (const r of rows) {
      await outbox.enqueueRecord(
        tx,
        { topic: r.topic, key: r.key, headers: r.headers, value: r.payload },
        r.type ?? 'unknown',
      );
      await execInTx(tx, `update dead_letter set status = 'REPLAYED', resolved_at = now() where id = ?`, [r.id], 'run');
    }
    return rows.length;
  });
  outbox.committed();
  return n;
}

export async function discardDeadLetters(em: EntityManager, ids: string[]): Promise<number> {
  return em.transactional(async (tx) => {
    const r = await execInTx<{ affectedRows?: number }>(
      tx,
      `update dead_letter set status = 'DISCARDED', resolved_at = now() where status = 'PENDING' and id in (?)`,
      [ids],
      'run',
    );
    return r.affectedRows ?? 0;
  });
}
