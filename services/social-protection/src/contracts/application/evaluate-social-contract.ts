import { ValidationError } from '@sc/kernel';
import { COMMISSION_DECIDES } from '../../access';
import type { CaseContext } from '@sc/subgraph-kit';
import { changeContract } from './change-contract';

/** Заключение МВК об эффективности: per-capita income after, from the household income and size a month after the contract. */
export function evaluateSocialContract(
  ctx: CaseContext,
  i: {
    contractId: string;
    effective: boolean;
    householdIncomeAfterKopecks: number;
    householdMembersAfter: number;
    conclusion: string;
  },
) {
  return changeContract(
    ctx,
    'evaluateSocialContract',
    COMMISSION_DECIDES,
    i.contractId,
    (c, { ch, params }) => {
      if (!Number.isInteger(i.householdMembersAfter) || i.householdMembersAfter < 1)
        throw new ValidationError(
          'input.householdMembersAfter',
          'HOUSEHOLD_NOT_EMPTY',
          'the household has at least one member',
        );
      if (!Number.isInteger(i.householdIncomeAfterKopecks) || i.householdIncomeAfterKopecks < 0)
        throw new ValidationError(
          'input.householdIncomeAfterKopecks',
          'AMOUNT_RANGE',
          'must be a whole, non-negative number of kopecks',
        );
      c.evaluate({
        effective: i.effective,
        perCapitaIncomeAfterKopecks: Math.floor(i.householdIncomeAfterKopecks / i.householdMembersAfter),
        conclusion: i.conclusion,
        today: ch.today,
        by: ch.by,
        params,
        now: ch.now,
      });
    },
    i.conclusion,
  );
}
