import { parseIsoDate, termEnd, uuidv7, ValidationError, type IsoDate } from '@sc/kernel';
import type { RegionalParameters } from '../../parameters/domain/regional-parameters';
import type { TerritorialZone } from '../../parameters/domain/subsistence-minimum';
import {
  validateActivities,
  validateTerm,
  type ActivityInput,
  type AdaptationProgramme,
} from '../../programmes/domain/adaptation-programme';
import type { ContractStatus } from './contract-status';
import { generatePaymentSchedule, monthlyPaymentOf } from './payment-schedule';

/** What concluding a contract needs: the approved programme and the figures of the means test. */
export interface ConclusionInput {
  number: string;
  programme: AdaptationProgramme;
  applicationId: string;
  citizenId: string;
  territory: string;
  region: string;
  zone: TerritorialZone;
  signedOn: IsoDate;
  startDate: IsoDate;
  pm: { year: number; workingAgeKopecks: number };
  perCapitaIncomeBeforeKopecks: number;
  assignedTo?: string | null;
  params: RegionalParameters;
  now: Date;
}

/**
 * Заключение контракта: the dates, the term and the activities checked
 * against the approved programme, the payment schedule generated. Returns the
 * new contract's state; the aggregate copies it in.
 */
export function concludedState(a: ConclusionInput) {
  const prog = a.programme;
  parseIsoDate(a.signedOn, 'input.signedOn');
  parseIsoDate(a.startDate, 'input.startDate');
  if (a.startDate < a.signedOn)
    throw new ValidationError('input.startDate', 'DATE_ORDER', 'the contract cannot start before it is signed');
  validateTerm(prog.direction, prog.termMonths, a.params, 'programme.termMonths');
  const end = termEnd(a.startDate, prog.termMonths);
  // The approved activities must still fit when the start moves from the planned one.
  validateActivities(prog.activities as ActivityInput[], a.startDate, end, a.params, 'programme.activities');
  const monthly = monthlyPaymentOf(a.pm.workingAgeKopecks, a.params);
  checkHardshipLumpSum(prog, monthly);
  const monthlyPaid =
    prog.direction === 'JOB_SEARCH' || (prog.direction === 'HARDSHIP' && prog.hardshipPaymentMode === 'MONTHLY');
  return {
    id: uuidv7(a.now.getTime()),
    number: a.number,
    citizenId: a.citizenId,
    territory: a.territory,
    applicationId: a.applicationId,
    programmeId: prog.id,
    direction: prog.direction,
    status: 'SIGNED' as ContractStatus,
    region: a.region,
    zone: a.zone,
    signedOn: a.signedOn,
    startDate: a.startDate,
    endDate: end,
    originalEndDate: end,
    termMonths: prog.termMonths,
    assignedTo: a.assignedTo ?? null,
    activities: structuredClone(prog.activities),
    payments: generatePaymentSchedule({
      programme: prog,
      startDate: a.startDate,
      termMonths: prog.termMonths,
      pmWorkingAgeKopecks: a.pm.workingAgeKopecks,
      params: a.params,
    }),
    pmYear: a.pm.year,
    pmWorkingAgeKopecks: a.pm.workingAgeKopecks,
    monthlyPaymentKopecks: monthlyPaid ? monthly : null,
    perCapitaIncomeBeforeKopecks: a.perCapitaIncomeBeforeKopecks,
    concludedAt: a.now,
    statusChangedAt: a.now,
  };
}

/** ТЖС paid at once: never more than the monthly payments of the whole term. */
function checkHardshipLumpSum(prog: AdaptationProgramme, monthly: number): void {
  if (prog.direction !== 'HARDSHIP' || prog.hardshipPaymentMode !== 'LUMP_SUM') return;
  if (prog.hardshipLumpSumKopecks! <= monthly * prog.termMonths) return;
  throw new ValidationError(
    'programme.hardshipLumpSumKopecks',
    'HARDSHIP_LUMP_SUM_CAP',
    `the lump sum cannot exceed the monthly payments of the whole term (${monthly * prog.termMonths} kopecks)`,
  );
}
