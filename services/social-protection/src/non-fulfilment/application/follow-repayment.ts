import type { EntityManager } from '@mikro-orm/core';
import type { Change } from '@sc/subgraph-kit';
import { NonFulfilment } from '../domain/non-fulfilment';

/**
 * The repayment recorded, or referred to court, on a contract terminated at
 * the end of a chain: the chain takes it as its next link.
 */
export async function followRepayment(
  tx: EntityManager,
  contractId: string,
  kind: 'REPAID' | 'REFERRED_TO_COURT',
  ch: Pick<Change, 'today' | 'by' | 'now'>,
  on: string = ch.today,
): Promise<void> {
  const chains = await tx.find(NonFulfilment, { contractId });
  const awaiting = chains.find((nf) => nf.links.some((l) => l.kind === 'REPAYMENT_DEMANDED') && nf.isOpen());
  awaiting?.add(kind, { on, by: ch.by, now: ch.now });
}
