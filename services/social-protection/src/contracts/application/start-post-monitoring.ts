import { CASE_WORK } from '../../access';
import type { CaseContext } from '@sc/subgraph-kit';
import { changeContract } from './change-contract';

export const startPostMonitoring = (ctx: CaseContext, contractId: string) =>
  changeContract(
    ctx,
    'startPostMonitoring',
    CASE_WORK,
    contractId,
    (c, { ch, params }) => void c.startPostMonitoring(params, ch.now),
  );
