import type { EntityManager } from '@mikro-orm/core';
import { employmentServiceEventV1, type MessageInput } from '@sc/contracts';
import { uuidv7 } from '@sc/kernel';
import type { ServiceDeps } from '@sc/subgraph-kit';
import { ContractSupport } from '../../contract-support/domain/contract-support';

type EventBody = DistributiveOmit<
  MessageInput<typeof employmentServiceEventV1>,
  'eventId' | 'citizenId' | 'contractId' | 'psaActivityId'
>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * M3: tells ЦСПН what ЦЗН did for a contract holder, in the caller's
 * transaction, against the contract and — when ЦСПН assigned one of that
 * kind — the ПСА activity. Citizens without a contract are not reported.
 */
export async function reportToSocialProtection(
  deps: ServiceDeps,
  tx: EntityManager,
  citizenId: string,
  event: EventBody,
  activityKind?: string,
  support?: ContractSupport | null,
): Promise<boolean> {
  const s = support ?? (await tx.findOne(ContractSupport, { citizenId }, { orderBy: { receivedAt: 'desc' } }));
  if (!s || !s.isOpen()) return false;
  const activity = activityKind ? s.activityFor(activityKind) : undefined;
  await deps.outbox.enqueue(tx, employmentServiceEventV1, citizenId, {
    eventId: uuidv7(deps.clock.now().getTime()),
    citizenId,
    contractId: s.id,
    psaActivityId: activity?.activityId,
    ...event,
  } as MessageInput<typeof employmentServiceEventV1>);
  return true;
}
