import type { IsoDate } from '@sc/kernel';
import { COMMISSION_DECIDES } from '../../access';
import type { CaseContext } from '@sc/subgraph-kit';
import type { ExtensionReason } from '../domain/social-contract';
import { changeContract } from './change-contract';

export const extendSocialContract = (
  ctx: CaseContext,
  i: { contractId: string; newEndDate: IsoDate; reasonKind: ExtensionReason; reason: string },
) =>
  changeContract(
    ctx,
    'extendSocialContract',
    COMMISSION_DECIDES,
    i.contractId,
    (c, { ch, params }) => c.extend({ ...i, today: ch.today, by: ch.by, params, now: ch.now }),
    i.reason,
  );
