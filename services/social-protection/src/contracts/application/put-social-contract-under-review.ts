import { CASE_WORK } from '../../access';
import type { CaseContext } from '@sc/subgraph-kit';
import { changeContract } from './change-contract';

export const putSocialContractUnderReview = (ctx: CaseContext, i: { contractId: string; reason: string }) =>
  changeContract(
    ctx,
    'putSocialContractUnderReview',
    CASE_WORK,
    i.contractId,
    (c, { ch }) => c.putUnderReview(i.reason, ch.now),
    i.reason,
  );
