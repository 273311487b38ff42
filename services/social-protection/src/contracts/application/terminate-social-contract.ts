import { HEAD_DECIDES } from '../../access';
import type { CaseContext } from '@sc/subgraph-kit';
import type { TerminationGround } from '../domain/social-contract';
import { changeContract } from './change-contract';

export const terminateSocialContract = (
  ctx: CaseContext,
  i: { contractId: string; ground: TerminationGround; note?: string | null; repaymentKopecks?: number | null },
) =>
  changeContract(
    ctx,
    'terminateSocialContract',
    HEAD_DECIDES,
    i.contractId,
    (c, { ch, params }) => c.terminate({ ...i, today: ch.today, by: ch.by, params, now: ch.now }),
    i.ground,
  );
