import type { CaseContext } from '@sc/subgraph-kit';
import { CASE_WORK } from '../../access';
import { chainText } from '../domain/non-fulfilment';
import { changeNonFulfilment } from './change-non-fulfilment';

/** Жалоба гражданина on the last decision against them (good cause refused, warning, termination, repayment). */
export const fileNonFulfilmentAppeal = (ctx: CaseContext, i: { caseId: string; text: string; filedOn: string }) =>
  changeNonFulfilment(ctx, 'fileNonFulfilmentAppeal', CASE_WORK, i.caseId, (nf, _c, { ch }) => {
    const text = chainText(i.text, 'input.text', true);
    const on = nf.broughtOn(i.filedOn, 'input.filedOn', ch.today);
    nf.add('APPEAL_FILED', { on, by: ch.by, now: ch.now, text });
    return null;
  });
