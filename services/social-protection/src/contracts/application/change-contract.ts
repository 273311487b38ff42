import { contractChangeNotice } from '../../citizen-notices/domain/citizen-notice';
import { sendCitizenNotice } from '../../citizen-notices/application/send-citizen-notice';
import type { EntityManager } from '@mikro-orm/core';
import type { AccessRule } from '@sc/auth';
import { contractStatusChangedV1 } from '@sc/contracts';
import { loadParameters } from '../../parameters/application/parameter.queries';
import type { RegionalParameters } from '../../parameters/domain/regional-parameters';
import { inChange, findCase, type CaseContext, type Change } from '@sc/subgraph-kit';
import { SocialContract } from '../domain/social-contract';

export type ContractStep = (
  c: SocialContract,
  env: { tx: EntityManager; ch: Change; params: RegionalParameters; reason?: string },
) => Promise<void> | void;

/**
 * Loads a contract, applies one step, and — when its status moved — tells
 * the partners and integrators (contract.status-changed.v1) in the same
 * transaction.
 */
export function changeContract(
  ctx: CaseContext,
  operation: string,
  rule: AccessRule,
  /** The contract, or how to find it in the change (e.g. through a case that refers to it). */
  contractId: string | ((tx: EntityManager, ch: Change) => Promise<string>),
  step: ContractStep,
  reason?: string | null,
): Promise<SocialContract> {
  return inChange(ctx, operation, rule, async (tx, ch) => {
    const id = typeof contractId === 'string' ? contractId : await contractId(tx, ch);
    const c = await findCase(tx, ch, SocialContract, id, 'input.contractId');
    const before = c.status;
    const params = await loadParameters(tx, c.region, ch.today);
    await step(c, { tx, ch, params });
    if (c.status !== before) {
      await ctx.deps.outbox.enqueue(tx, contractStatusChangedV1, c.citizenId, {
        contractId: c.id,
        citizenId: c.citizenId,
        direction: c.direction,
        previousStatus: before,
        status: c.status,
        endDate: c.endDate,
        reason: reason ?? undefined,
        changedAt: ch.now.toISOString(),
      });
      await sendCitizenNotice(tx, ctx.deps, contractChangeNotice(c, before), ch.now); // M10
    }
    ch.audit(c, 'SocialContract', c.id);
    return c;
  });
}
