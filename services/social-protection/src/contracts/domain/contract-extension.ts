import { addDays, addMonths, daysBetween, parseIsoDate, ValidationError, type IsoDate } from '@sc/kernel';
import type { RegionalParameters } from '../../parameters/domain/regional-parameters';
import { contractConflict, type ExtensionReason } from './contract-terms';

export interface ExtensionRequest {
  newEndDate: IsoDate;
  reasonKind: ExtensionReason;
  reason: string;
  today: IsoDate;
  by: string;
  params: RegionalParameters;
  now: Date;
}

/**
 * Продление (DOMAIN.md §3): decided in the contract's final month, by a
 * valid reason, moving the end by at most the regional share (½) of the
 * original term. Throws the rule that is broken.
 */
export function checkExtension(
  c: { startDate: IsoDate; endDate: IsoDate; originalEndDate: IsoDate },
  a: ExtensionRequest,
): void {
  parseIsoDate(a.newEndDate, 'input.newEndDate');
  if (a.newEndDate <= c.endDate)
    throw new ValidationError(
      'input.newEndDate',
      'DATE_ORDER',
      `the new end must be after the current end ${c.endDate}`,
    );
  const originalDays = daysBetween(c.startDate, c.originalEndDate) + 1;
  const maxShare = a.params.get('EXTENSION_MAX_PERCENT_OF_TERM');
  const maxEnd = addDays(c.originalEndDate, Math.floor((originalDays * maxShare) / 100));
  if (a.newEndDate > maxEnd)
    throw new ValidationError(
      'input.newEndDate',
      'EXTENSION_MAX_HALF_TERM',
      `an extension is at most half the original term: the end can move to ${maxEnd} at the latest`,
      { maxEndDate: maxEnd },
    );
  if (a.today < addMonths(c.endDate, -1) || a.today > c.endDate) {
    throw contractConflict(
      'EXTENSION_OUTSIDE_FINAL_MONTH',
      `an extension is decided in the contract's last month (${addMonths(c.endDate, -1)}…${c.endDate})`,
      'EXTENSION_IN_FINAL_MONTH',
    );
  }
  if (!a.reason.trim()) throw new ValidationError('input.reason', 'REQUIRED', 'state the valid reason');
}
