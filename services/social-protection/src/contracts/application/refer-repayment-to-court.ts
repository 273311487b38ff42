import { HEAD_DECIDES } from '../../access';
import type { CaseContext } from '@sc/subgraph-kit';
import { changeContract } from './change-contract';

export const referRepaymentToCourt = (ctx: CaseContext, contractId: string) =>
  changeContract(ctx, 'referRepaymentToCourt', HEAD_DECIDES, contractId, (c, { ch }) =>
    c.referToCourt(ch.today, ch.now),
  );
