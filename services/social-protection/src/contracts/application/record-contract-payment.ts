import type { IsoDate } from '@sc/kernel';
import { CASE_WORK } from '../../access';
import type { CaseContext } from '@sc/subgraph-kit';
import { changeContract } from './change-contract';

export const recordContractPayment = (
  ctx: CaseContext,
  i: { contractId: string; paymentNo: number; paidOn: IsoDate },
) =>
  changeContract(
    ctx,
    'recordContractPayment',
    CASE_WORK,
    i.contractId,
    (c, { ch }) => void c.recordPayment(i.paymentNo, i.paidOn, ch.now),
  );
