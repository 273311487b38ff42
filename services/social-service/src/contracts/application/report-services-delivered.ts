import type { EntityManager } from '@mikro-orm/core';
import { socialServicesDeliveredV1, type MessageInput } from '@sc/contracts';
import { dateOf, uuidv7 } from '@sc/kernel';
import type { ServiceDeps } from '@sc/subgraph-kit';
import { AccompanimentCase } from '../../accompaniment/domain/accompaniment-case';

type ServiceLine = MessageInput<typeof socialServicesDeliveredV1>['services'][number];

/**
 * M6: services delivered to a contract holder, reported to ЦСПН in the
 * caller's transaction, against the contract the citizen's accompaniment
 * case came from. A citizen without a contract is not reported.
 */
export async function reportServicesDelivered(
  deps: ServiceDeps,
  tx: EntityManager,
  citizenId: string,
  services: ServiceLine[],
  contractCase?: AccompanimentCase | null,
): Promise<boolean> {
  const c =
    contractCase ??
    (
      await tx.find(AccompanimentCase, { citizenId, contractId: { $ne: null } }, { orderBy: { appliedOn: 'desc' } })
    ).find((x) => x.isOpen());
  if (!c?.contractId || services.length === 0) return false;
  const today = dateOf(deps.clock.now());
  const lines = services.map((s) => {
    const activity = s.psaActivityId
      ? c.activities.find((a) => a.activityId === s.psaActivityId)
      : c.activities.find((a) => a.kind === s.activityKind && !a.reportedOn);
    if (activity && s.completesActivity) activity.reportedOn = today;
    return { ...s, psaActivityId: activity?.activityId ?? s.psaActivityId };
  });
  await deps.outbox.enqueue(tx, socialServicesDeliveredV1, citizenId, {
    reportId: uuidv7(deps.clock.now().getTime()),
    citizenId,
    contractId: c.contractId,
    services: lines,
    reportedAt: deps.clock.now().toISOString(),
  });
  return true;
}
