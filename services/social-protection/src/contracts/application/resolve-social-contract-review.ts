import { CASE_WORK } from '../../access';
import type { CaseContext } from '@sc/subgraph-kit';
import { changeContract } from './change-contract';

export const resolveSocialContractReview = (ctx: CaseContext, contractId: string) =>
  changeContract(ctx, 'resolveSocialContractReview', CASE_WORK, contractId, (c, { ch }) => c.resolveReview(ch.now));
