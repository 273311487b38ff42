import type { CaseContext } from '@sc/subgraph-kit';
import { CASE_WORK } from '../../access';
import { chainText } from '../domain/non-fulfilment';
import { changeNonFulfilment } from './change-non-fulfilment';

/** Объяснение гражданина, as received (in writing, at the office): dated, not before the request nor in the future. */
export const recordNonFulfilmentExplanation = (
  ctx: CaseContext,
  i: { caseId: string; explanation: string; receivedOn: string },
) =>
  changeNonFulfilment(ctx, 'recordNonFulfilmentExplanation', CASE_WORK, i.caseId, (nf, _c, { ch }) => {
    const text = chainText(i.explanation, 'input.explanation', true);
    const on = nf.broughtOn(i.receivedOn, 'input.receivedOn', ch.today);
    nf.add('EXPLANATION_RECEIVED', { on, by: ch.by, now: ch.now, text });
    return null;
  });
