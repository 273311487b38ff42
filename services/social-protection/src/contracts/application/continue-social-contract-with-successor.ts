import { HEAD_DECIDES } from '../../access';
import type { CaseContext } from '@sc/subgraph-kit';
import { changeContract } from './change-contract';

export const continueSocialContractWithSuccessor = (
  ctx: CaseContext,
  i: { contractId: string; successorName: string },
) =>
  changeContract(ctx, 'continueSocialContractWithSuccessor', HEAD_DECIDES, i.contractId, (c, { ch }) =>
    c.continueWithSuccessor(i.successorName, ch.today, ch.by, ch.now),
  );
