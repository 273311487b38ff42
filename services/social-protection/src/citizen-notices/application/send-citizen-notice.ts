import type { EntityManager } from '@mikro-orm/core';
import { citizenNoticeV1 } from '@sc/contracts';
import { uuidv7 } from '@sc/kernel';
import type { ServiceDeps } from '@sc/subgraph-kit';
import type { CitizenNotice } from '../domain/citizen-notice';

/** Stages a notice to the citizen (M10) in the change's transaction; nothing when there is nothing to tell. */
export async function sendCitizenNotice(
  tx: EntityManager,
  deps: Pick<ServiceDeps, 'outbox'>,
  notice: CitizenNotice | null,
  now: Date,
): Promise<void> {
  if (!notice) return;
  await deps.outbox.enqueue(tx, citizenNoticeV1, notice.citizenId, {
    ...notice,
    noticeId: uuidv7(now.getTime()),
    issuedAt: now.toISOString(),
  });
}
