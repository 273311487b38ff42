import { parseIsoMonth, ValidationError, type IsoMonth } from '@sc/kernel';
import type { Read } from '@sc/subgraph-kit';
import { SocialContract } from '../../contracts/domain/social-contract';
import { isActivityOpen, type PsaActivity } from '../../programmes/domain/psa-activity';
import type { PartnerNote } from '../domain/monthly-report';
import { partnerNotesOf } from './monitoring.use-cases';

export interface MonthlyReportDraft {
  /** Whose report it is (the read is audited against this person). */
  citizenId: string;
  /** ОКТМО of the contract. */
  territory: string;
  period: IsoMonth;
  openActivities: PsaActivity[];
  partnerNotes: PartnerNote[];
  completedByPartners: string[];
}

/** The report form for a month, pre-filled with what the partners reported in it. */
export const draftMonthlyReport =
  (contractId: string, period: IsoMonth): Read<MonthlyReportDraft> =>
  async ({ em }) => {
    const contract = await em.findOne(SocialContract, { id: contractId });
    if (!contract) throw new ValidationError('contractId', 'MUST_EXIST', `contract ${contractId} not found`);
    parseIsoMonth(period, 'period');
    const notes = await partnerNotesOf(em, contract.id, period);
    const completed = contract.activities
      .filter(
        (a) =>
          a.status === 'DONE' &&
          a.completedOn &&
          a.completedOn.startsWith(period) &&
          a.history.some((h) => h.event === 'confirmByPartner'),
      )
      .map((a) => a.id);
    return {
      citizenId: contract.citizenId,
      territory: contract.territory,
      period,
      openActivities: contract.activities.filter(isActivityOpen),
      partnerNotes: notes,
      completedByPartners: completed,
    };
  };
