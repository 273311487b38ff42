import type { IsoDate } from '@sc/kernel';
import { CASE_WORK } from '../../access';
import type { CaseContext } from '@sc/subgraph-kit';
import { changeContract } from './change-contract';

export const recordRepayment = (ctx: CaseContext, i: { contractId: string; date: IsoDate }) =>
  changeContract(ctx, 'recordRepayment', CASE_WORK, i.contractId, (c, { ch }) => c.recordRepayment(i.date, ch.now));
