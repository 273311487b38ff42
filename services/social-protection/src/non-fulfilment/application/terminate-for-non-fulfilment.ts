import { ValidationError } from '@sc/kernel';
import type { CaseContext } from '@sc/subgraph-kit';
import { HEAD_DECIDES } from '../../access';
import type { TerminationGround } from '../../contracts/domain/social-contract';
import { chainText } from '../domain/non-fulfilment';
import { changeNonFulfilment } from './change-non-fulfilment';

/** The grounds a breach of the contract can end in (the others are not the citizen's fault). */
const BREACH_GROUNDS: readonly TerminationGround[] = ['PSA_NOT_FULFILLED', 'MISUSE_OF_FUNDS', 'FALSE_INFORMATION'];

/**
 * Расторжение по итогам цепочки (HEAD): the contract terminated with its
 * ground; where the ground demands repayment, the demand with its amount and
 * due day is the next link. The citizen is told as by every termination.
 */
export const terminateForNonFulfilment = (
  ctx: CaseContext,
  i: { caseId: string; ground: TerminationGround; note?: string | null; repaymentKopecks?: number | null },
) =>
  changeNonFulfilment(
    ctx,
    'terminateForNonFulfilment',
    HEAD_DECIDES,
    i.caseId,
    (nf, c, { ch, params }) => {
      if (!BREACH_GROUNDS.includes(i.ground))
        throw new ValidationError('input.ground', 'BREACH_GROUND', `one of ${BREACH_GROUNDS.join(', ')}`);
      const note = chainText(i.note, 'input.note', false);
      const link = { on: ch.today, by: ch.by, now: ch.now };
      nf.add('CONTRACT_TERMINATED', { ...link, text: note, ground: i.ground });
      c.terminate({ ...i, note, today: ch.today, by: ch.by, params, now: ch.now });
      if (c.repayment)
        nf.add('REPAYMENT_DEMANDED', {
          ...link,
          amountKopecks: c.repayment.amountKopecks,
          dueDate: c.repayment.dueDate,
        });
      return null;
    },
    i.ground,
  );
