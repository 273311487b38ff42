import { CASE_WORK } from '../../access';
import type { CaseContext } from '@sc/subgraph-kit';
import { changeContract } from './change-contract';

export const closeSocialContract = (ctx: CaseContext, contractId: string) =>
  changeContract(ctx, 'closeSocialContract', CASE_WORK, contractId, (c, { ch }) => c.close(ch.today, ch.now));
