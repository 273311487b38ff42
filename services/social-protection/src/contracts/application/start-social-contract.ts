import { CASE_WORK } from '../../access';
import type { CaseContext } from '@sc/subgraph-kit';
import { changeContract } from './change-contract';

export const startSocialContract = (ctx: CaseContext, contractId: string) =>
  changeContract(ctx, 'startSocialContract', CASE_WORK, contractId, (c, { ch }) => c.start(ch.now));
