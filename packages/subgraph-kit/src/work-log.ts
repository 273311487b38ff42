import type { EntityManager } from '@mikro-orm/core';
import type { Principal } from '@sc/auth';
import { uuidv7, type IsoDate } from '@sc/kernel';

/**
 * Хронометраж: every recorded action of a case worker counts its normed time
 * (a dated regional parameter) to the one who did it; the actual time can be
 * recorded where it differs. Workload queries sum it.
 */
export const WORK_LOG_SQL: readonly string[] = [
  `create table work_log (
     id uuid primary key,
     subject text not null,
     territory char(8) not null,
     operation text not null,
     entity text not null,
     entity_id text not null,
     normed_minutes int not null check (normed_minutes >= 0),
     actual_minutes int check (actual_minutes >= 0),
     at timestamptz not null
   )`,
  `create index work_log_subject_idx on work_log (subject, at)`,
  `create index work_log_territory_idx on work_log (territory, at)`,
];

/** A service's norms: the minutes an operation takes a case worker on a day (0 when it has none). */
export interface WorkNorms {
  minutes(tx: EntityManager, operation: string, on: IsoDate): Promise<number>;
}

/** The case a change counts against: the first one it touched. */
export interface WorkedCase {
  territory: string;
  entity: string;
  entityId: string;
}

export async function logWork(
  tx: EntityManager,
  p: Principal,
  operation: string,
  worked: WorkedCase,
  minutes: number,
  at: Date,
): Promise<void> {
  await tx.getConnection().execute(
    `insert into work_log (id, subject, territory, operation, entity, entity_id, normed_minutes, at)
       values (?, ?, ?, ?, ?, ?, ?, ?)`,
    [uuidv7(at.getTime()), p.subject, worked.territory, operation, worked.entity, worked.entityId, minutes, at],
    'run',
    tx.getTransactionContext(),
  );
}
