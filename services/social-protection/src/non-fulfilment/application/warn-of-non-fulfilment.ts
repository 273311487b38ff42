import type { CaseContext } from '@sc/subgraph-kit';
import { CASE_WORK } from '../../access';
import { nonFulfilmentNotice } from '../../citizen-notices/domain/citizen-notice';
import { chainText } from '../domain/non-fulfilment';
import { changeNonFulfilment } from './change-non-fulfilment';

/** Предупреждение гражданину: what follows if the obligation stays unmet; the citizen reads its text (M10). */
export const warnOfNonFulfilment = (ctx: CaseContext, i: { caseId: string; text: string }) =>
  changeNonFulfilment(ctx, 'warnOfNonFulfilment', CASE_WORK, i.caseId, (nf, c, { ch }) => {
    const text = chainText(i.text, 'input.text', true)!;
    nf.add('WARNING_ISSUED', { on: ch.today, by: ch.by, now: ch.now, text });
    return nonFulfilmentNotice(c, 'WARNING_ISSUED', `Предупреждение: ${text}`);
  });
