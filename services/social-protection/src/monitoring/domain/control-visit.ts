import { monthOf, parseIsoDate, uuidv7, ValidationError, type IsoDate, type IsoMonth } from '@sc/kernel';
import type { SocialContract } from '../../contracts/domain/social-contract';

/** Акт контрольного посещения (M9): the monthly check with a visit. */
export class ControlVisit {
  id!: string;
  contractId!: string;
  citizenId!: string;
  period!: IsoMonth;
  visitDate!: IsoDate;
  visitedBy!: string;
  findings!: string;
  nextSteps?: string | null;
  /** the spending seen on site matches the report */
  spendingConfirmed!: boolean;

  static record(a: {
    contract: SocialContract;
    visitDate: IsoDate;
    findings: string;
    nextSteps?: string | null;
    spendingConfirmed: boolean;
    today: IsoDate;
    by: string;
    now: Date;
  }): ControlVisit {
    const c = a.contract;
    parseIsoDate(a.visitDate, 'input.visitDate');
    if (a.visitDate > a.today)
      throw new ValidationError('input.visitDate', 'NOT_IN_FUTURE', 'a visit cannot be dated in the future');
    if (a.visitDate < c.startDate || a.visitDate > c.endDate)
      throw new ValidationError(
        'input.visitDate',
        'VISIT_IN_CONTRACT',
        `control visits are made during the contract (${c.startDate}…${c.endDate})`,
      );
    if (!a.findings.trim())
      throw new ValidationError('input.findings', 'REQUIRED', 'the act must state what was found');
    return Object.assign(new ControlVisit(), {
      id: uuidv7(a.now.getTime()),
      contractId: c.id,
      citizenId: c.citizenId,
      period: monthOf(a.visitDate),
      visitDate: a.visitDate,
      visitedBy: a.by,
      findings: a.findings.trim(),
      nextSteps: a.nextSteps?.trim() || null,
      spendingConfirmed: a.spendingConfirmed,
    });
  }
}
