import { CASE_WORK } from '../../access';
import type { CaseContext } from '@sc/subgraph-kit';
import { changeContract } from './change-contract';

export const suspendSocialContractForSuccession = (ctx: CaseContext, i: { contractId: string; reason: string }) =>
  changeContract(
    ctx,
    'suspendSocialContractForSuccession',
    CASE_WORK,
    i.contractId,
    (c, { ch }) => c.suspendForSuccession(i.reason, ch.now),
    i.reason,
  );
