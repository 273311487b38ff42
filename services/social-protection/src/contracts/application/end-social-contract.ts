import { CASE_WORK } from '../../access';
import type { CaseContext } from '@sc/subgraph-kit';
import { changeContract } from './change-contract';

export const endSocialContract = (ctx: CaseContext, contractId: string) =>
  changeContract(ctx, 'endSocialContract', CASE_WORK, contractId, (c, { ch }) => c.endTerm(ch.today, ch.now));
