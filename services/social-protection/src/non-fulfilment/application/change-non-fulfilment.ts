import type { AccessRule } from '@sc/auth';
import { findCase, type CaseContext } from '@sc/subgraph-kit';
import type { CitizenNotice } from '../../citizen-notices/domain/citizen-notice';
import { sendCitizenNotice } from '../../citizen-notices/application/send-citizen-notice';
import { changeContract, type ContractStep } from '../../contracts/application/change-contract';
import type { SocialContract } from '../../contracts/domain/social-contract';
import { NonFulfilment } from '../domain/non-fulfilment';

type Env = Parameters<ContractStep>[1];

/**
 * One step of a non-fulfilment chain: the chain and its contract loaded in
 * one transaction (the caller's territory guarding both), the step applied
 * to them, the citizen told (M10) — and, when the contract's status moved,
 * partners and integrators told as by every contract change.
 */
export async function changeNonFulfilment(
  ctx: CaseContext,
  operation: string,
  rule: AccessRule,
  caseId: string,
  step: (nf: NonFulfilment, c: SocialContract, env: Env) => Promise<CitizenNotice | null> | CitizenNotice | null,
  reason?: string | null,
): Promise<NonFulfilment> {
  let chain: NonFulfilment | undefined;
  await changeContract(
    ctx,
    operation,
    rule,
    async (tx, ch) => {
      chain = await findCase(tx, ch, NonFulfilment, caseId, 'input.caseId');
      return chain.contractId;
    },
    async (c, env) => {
      const notice = await step(chain!, c, env);
      await sendCitizenNotice(env.tx, ctx.deps, notice, env.ch.now);
    },
    reason,
  );
  return chain!;
}
