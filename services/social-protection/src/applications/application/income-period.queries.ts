import { addDays, ValidationError, type IsoDate, type IsoMonth } from '@sc/kernel';
import type { Read } from '@sc/subgraph-kit';
import type { RegionalParameters } from '../../parameters/domain/regional-parameters';
import { loadParameters } from '../../parameters/application/parameter.queries';
import { incomePeriod } from '../domain/means-test';

/** Расчётный период as a form shows it: the months whose incomes count for an application of that day. */
export interface IncomePeriodView {
  applicationDate: IsoDate;
  from: IsoMonth;
  to: IsoMonth;
  months: IsoMonth[];
}

export function incomePeriodView(applicationDate: IsoDate, params: RegionalParameters): IncomePeriodView {
  const months = incomePeriod(applicationDate, params);
  return { applicationDate, from: months[0]!, to: months[months.length - 1]!, months };
}

const EARLIEST = '2000-01-01';

/**
 * The period for an application made on `applicationDate` (today when omitted),
 * under the parameters in force that day — so a form asks for exactly the
 * months the means test will count, without re-implementing the rule.
 */
export const incomePeriodOn =
  (applicationDate: IsoDate | null | undefined): Read<IncomePeriodView> =>
  async ({ em, deps, today }) => {
    const on = applicationDate ?? today;
    if (on < EARLIEST || on > addDays(today, 366))
      throw new ValidationError('applicationDate', 'PLAUSIBLE_DATE', `must be from ${EARLIEST} to a year from today`);
    return incomePeriodView(on, await loadParameters(em, deps.config.region, on));
  };
