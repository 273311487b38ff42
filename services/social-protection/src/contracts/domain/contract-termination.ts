import { addDays, ValidationError, type IsoDate } from '@sc/kernel';
import type { RegionalParameters } from '../../parameters/domain/regional-parameters';
import { REPAYMENT_GROUNDS, type Repayment, type TerminationGround } from './contract-terms';
import { paidTotal, type ContractPayment } from './payment-schedule';

/**
 * Требование о возврате: on misuse of funds or false information the money
 * paid (or the part the decision names) is to be returned within
 * REPAYMENT_DAYS; on other grounds nothing is demanded (null).
 */
export function repaymentDemand(a: {
  ground: TerminationGround;
  repaymentKopecks?: number | null;
  payments: readonly ContractPayment[];
  today: IsoDate;
  params: RegionalParameters;
}): Repayment | null {
  if (!REPAYMENT_GROUNDS.includes(a.ground)) return null;
  const paid = paidTotal(a.payments as ContractPayment[]);
  const amount = a.repaymentKopecks ?? paid;
  if (!Number.isInteger(amount) || amount <= 0 || amount > paid)
    throw new ValidationError(
      'input.repaymentKopecks',
      'REPAYMENT_RANGE',
      `the sum to return must be positive and at most what was paid (${paid} kopecks)`,
    );
  return {
    amountKopecks: amount,
    dueDate: addDays(a.today, a.params.get('REPAYMENT_DAYS')),
    paidOn: null,
    courtReferredOn: null,
  };
}
