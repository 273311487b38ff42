import { HEAD_DECIDES } from '../../access';
import type { CaseContext } from '@sc/subgraph-kit';
import { followRepayment } from '../../non-fulfilment/application/follow-repayment';
import { changeContract } from './change-contract';

/** Взыскание в судебном порядке after the voluntary period; a chain that demanded the money follows. */
export const referRepaymentToCourt = (ctx: CaseContext, contractId: string) =>
  changeContract(ctx, 'referRepaymentToCourt', HEAD_DECIDES, contractId, async (c, { tx, ch }) => {
    c.referToCourt(ch.today, ch.now);
    await followRepayment(tx, c.id, 'REFERRED_TO_COURT', ch);
  });
