import type { CaseContext } from '@sc/subgraph-kit';
import { HEAD_DECIDES } from '../../access';
import { nonFulfilmentNotice } from '../../citizen-notices/domain/citizen-notice';
import { chainText } from '../domain/non-fulfilment';
import { changeNonFulfilment } from './change-non-fulfilment';

/**
 * Решение по жалобе (HEAD), told to the citizen: upheld closes the chain (undoing a
 * termination already made is a separate act); rejected lets the chain go on.
 */
export const decideNonFulfilmentAppeal = (ctx: CaseContext, i: { caseId: string; upheld: boolean; decision: string }) =>
  changeNonFulfilment(ctx, 'decideNonFulfilmentAppeal', HEAD_DECIDES, i.caseId, (nf, c, { ch }) => {
    const text = chainText(i.decision, 'input.decision', true)!;
    nf.add(i.upheld ? 'APPEAL_UPHELD' : 'APPEAL_REJECTED', { on: ch.today, by: ch.by, now: ch.now, text });
    return nonFulfilmentNotice(
      c,
      'APPEAL_DECIDED',
      `Ваша жалоба ${i.upheld ? 'удовлетворена' : 'оставлена без удовлетворения'}: ${text}`,
      { reasons: text },
    );
  });
