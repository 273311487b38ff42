import { addDays, addMonths, addMonthsToMonth, firstDayOf, monthOf, type IsoDate, type IsoMonth } from '@sc/kernel';
import type { RegionalParameters } from '../../parameters/domain/regional-parameters';
import type { AdaptationProgramme } from '../../programmes/domain/adaptation-programme';

export type PaymentKind = 'MONTHLY' | 'LUMP_SUM' | 'TRAINING';
export type PaymentStatus = 'SCHEDULED' | 'AWAITING_EMPLOYMENT' | 'PAID' | 'CANCELLED';

/** Одна выплата по графику. */
export interface ContractPayment {
  no: number;
  kind: PaymentKind;
  purpose: string;
  forMonth?: IsoMonth | null;
  dueDate?: IsoDate | null;
  amountKopecks: number;
  status: PaymentStatus;
  paidOn?: IsoDate | null;
  note?: string | null;
}

/** Monthly payment: a share of the working-age ПМ of the zone (DOMAIN.md §3). */
export const monthlyPaymentOf = (pmWorkingAgeKopecks: number, p: RegionalParameters): number =>
  Math.round((pmWorkingAgeKopecks * p.get('MONTHLY_PAYMENT_PM_PERCENT')) / 100);

/**
 * График выплат (DOMAIN.md §3):
 * - JOB_SEARCH: the month of conclusion is paid; the rest wait for the
 *   employment ЦЗН confirms (M3), then run month by month;
 * - BUSINESS, SUBSIDIARY_FARM: the business plan's lump sum;
 * - HARDSHIP: monthly for the term, or the lump sum chosen in the programme;
 * - training with a cost is paid to the provider when it starts.
 */
export function generatePaymentSchedule(a: {
  programme: AdaptationProgramme;
  startDate: IsoDate;
  termMonths: number;
  pmWorkingAgeKopecks: number;
  params: RegionalParameters;
}): ContractPayment[] {
  const { programme: prog, params: p } = a;
  const monthly = monthlyPaymentOf(a.pmWorkingAgeKopecks, p);
  const out: Omit<ContractPayment, 'no'>[] = [];
  const startMonth = monthOf(a.startDate);
  const monthlyPayment = (i: number): Omit<ContractPayment, 'no'> => {
    const m = addMonthsToMonth(startMonth, i);
    return {
      kind: 'MONTHLY',
      purpose: `ежемесячная выплата за ${m}`,
      forMonth: m,
      dueDate: i === 0 ? a.startDate : firstDayOf(m),
      amountKopecks: monthly,
      status: 'SCHEDULED',
    };
  };
  switch (prog.direction) {
    case 'JOB_SEARCH': {
      const total = p.get('JOB_SEARCH_PAYMENTS');
      const before = Math.min(p.get('JOB_SEARCH_PAYMENTS_BEFORE_EMPLOYMENT'), total);
      for (let i = 0; i < before; i++) out.push(monthlyPayment(i));
      for (let i = before; i < total; i++) {
        out.push({
          kind: 'MONTHLY',
          purpose: 'ежемесячная выплата после подтверждения трудоустройства',
          forMonth: null,
          dueDate: null,
          amountKopecks: monthly,
          status: 'AWAITING_EMPLOYMENT',
        });
      }
      break;
    }
    case 'BUSINESS':
    case 'SUBSIDIARY_FARM':
      out.push({
        kind: 'LUMP_SUM',
        purpose: `единовременная выплата по бизнес-плану: ${prog.businessPlan!.summary}`,
        dueDate: addDays(a.startDate, p.get('LUMP_SUM_DUE_DAYS')),
        amountKopecks: prog.businessPlan!.amountRequestedKopecks,
        status: 'SCHEDULED',
      });
      break;
    case 'HARDSHIP':
      if (prog.hardshipPaymentMode === 'LUMP_SUM') {
        out.push({
          kind: 'LUMP_SUM',
          purpose: 'единовременная выплата (ТЖС)',
          dueDate: addDays(a.startDate, p.get('LUMP_SUM_DUE_DAYS')),
          amountKopecks: prog.hardshipLumpSumKopecks!,
          status: 'SCHEDULED',
        });
      } else {
        for (let i = 0; i < a.termMonths; i++) out.push(monthlyPayment(i));
      }
      break;
  }
  for (const act of prog.activities) {
    if (act.kind === 'VOCATIONAL_TRAINING' && act.costKopecks) {
      out.push({
        kind: 'TRAINING',
        purpose: `оплата обучения: ${act.description}`,
        dueDate: act.startDate,
        amountKopecks: act.costKopecks,
        status: 'SCHEDULED',
      });
    }
  }
  return out.map((x, i) => ({ no: i + 1, paidOn: null, note: null, ...x }));
}

/**
 * Employment confirmed on `on`: the waiting JOB_SEARCH payments are due from
 * that month on, one a month; any that would fall after the contract's end
 * are cancelled with a note.
 */
export function releaseAfterEmployment(payments: ContractPayment[], on: IsoDate, endDate: IsoDate): void {
  let k = 0;
  for (const pay of payments) {
    if (pay.status !== 'AWAITING_EMPLOYMENT') continue;
    const due = addMonths(on, k++);
    if (due > endDate) {
      pay.status = 'CANCELLED';
      pay.note = 'приходится на время после окончания контракта';
      continue;
    }
    pay.status = 'SCHEDULED';
    pay.dueDate = due;
    pay.forMonth = monthOf(due);
  }
}

export const paidTotal = (payments: readonly ContractPayment[]): number =>
  payments.filter((x) => x.status === 'PAID').reduce((s, x) => s + x.amountKopecks, 0);
export const scheduledTotal = (payments: readonly ContractPayment[]): number =>
  payments.filter((x) => x.status !== 'CANCELLED').reduce((s, x) => s + x.amountKopecks, 0);

/**
 * Payments not yet made are cancelled when a contract ends early; at the end
 * of the term only those that can no longer fall due (waiting for an
 * employment that did not come, or dated after the end): a payment that was
 * due and not made is still owed.
 */
export function cancelOpenPayments(payments: ContractPayment[], note: string, termEndedOn?: IsoDate): void {
  for (const x of payments) {
    const owed = termEndedOn && x.status === 'SCHEDULED' && x.dueDate && x.dueDate <= termEndedOn;
    if ((x.status === 'SCHEDULED' || x.status === 'AWAITING_EMPLOYMENT') && !owed) {
      x.status = 'CANCELLED';
      x.note = note;
    }
  }
}
