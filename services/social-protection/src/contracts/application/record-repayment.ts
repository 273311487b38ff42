import type { IsoDate } from '@sc/kernel';
import { CASE_WORK } from '../../access';
import type { CaseContext } from '@sc/subgraph-kit';
import { followRepayment } from '../../non-fulfilment/application/follow-repayment';
import { changeContract } from './change-contract';

/** The money returned; a non-fulfilment chain that demanded it takes the repayment as its next link. */
export const recordRepayment = (ctx: CaseContext, i: { contractId: string; date: IsoDate }) =>
  changeContract(ctx, 'recordRepayment', CASE_WORK, i.contractId, async (c, { tx, ch }) => {
    c.recordRepayment(i.date, ch.now);
    await followRepayment(tx, c.id, 'REPAID', ch, i.date);
  });
