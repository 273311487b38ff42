import { ValidationError } from '@sc/kernel';
import { mustFind, type CaseContext } from '@sc/subgraph-kit';
import { COMMISSION_DECIDES } from '../../access';
import { ScApplication } from '../../applications/domain/sc-application';
import { CommissionMeeting } from '../../commission/domain/commission-meeting';
import { loadSubsistenceMinimum } from '../../parameters/application/parameter.queries';
import { assessEffectiveness, commissionVerdict } from '../domain/effectiveness';
import { changeContract } from './change-contract';

export interface EvaluateSocialContractInput {
  contractId: string;
  /** The МВК meeting whose agenda holds the contract: the conclusion is the commission's, in its minutes. */
  meetingId?: string | null;
  /** The commission's decision; the computed one when omitted. */
  effective?: boolean | null;
  departureReason?: string | null;
  householdIncomeAfterKopecks: number;
  householdMembersAfter: number;
  /** Income from the business or the plot a month after the contract (required for SUBSIDIARY_FARM). */
  activityIncomeAfterKopecks?: number | null;
  conclusion: string;
}

const wholeKopecks = (v: number, field: string): number => {
  if (!Number.isInteger(v) || v < 0)
    throw new ValidationError(field, 'AMOUNT_RANGE', 'must be a whole, non-negative number of kopecks');
  return v;
};

/**
 * Заключение МВК об эффективности (seed 000 step 7): at a meeting whose agenda
 * holds the contract, from criteria computed per direction on the contract's
 * data and the incomes a month after; the commission departs from the
 * computed result only with a stated reason. The figures are kept with the
 * conclusion and the minutes quote them.
 */
export function evaluateSocialContract(ctx: CaseContext, i: EvaluateSocialContractInput) {
  return changeContract(
    ctx,
    'evaluateSocialContract',
    COMMISSION_DECIDES,
    i.contractId,
    async (c, { tx, ch, params }) => {
      if (!Number.isInteger(i.householdMembersAfter) || i.householdMembersAfter < 1)
        throw new ValidationError(
          'input.householdMembersAfter',
          'HOUSEHOLD_NOT_EMPTY',
          'the household has at least one member',
        );
      const income = wholeKopecks(i.householdIncomeAfterKopecks, 'input.householdIncomeAfterKopecks');
      const activityIncome =
        i.activityIncomeAfterKopecks == null
          ? null
          : wholeKopecks(i.activityIncomeAfterKopecks, 'input.activityIncomeAfterKopecks');
      if (c.direction === 'SUBSIDIARY_FARM' && activityIncome === null)
        throw new ValidationError('input.activityIncomeAfterKopecks', 'REQUIRED', 'state the income from the plot');
      if (!i.meetingId)
        throw new ValidationError(
          'input.meetingId',
          'DECIDE_AT_MEETING',
          'the commission concludes on effectiveness at a meeting (МВК) that has the contract on its agenda',
        );
      const meeting = await mustFind(tx, CommissionMeeting, i.meetingId, 'input.meetingId');
      meeting.checkConclusion(c.id, ch.now);
      const application = await mustFind(tx, ScApplication, c.applicationId, 'input.contractId');
      // The ПМ of the meeting's year, for the zone of the applicant's residence.
      const year = Number(meeting.meetingDate.slice(0, 4));
      const pm = await loadSubsistenceMinimum(tx, c.region, application.zone, year, 'input.meetingId');
      const perCapitaIncomeAfterKopecks = Math.floor(income / i.householdMembersAfter);
      const figures = assessEffectiveness({
        direction: c.direction,
        startDate: c.startDate,
        endDate: c.endDate,
        activities: c.activities,
        employment: c.employment,
        perCapitaIncomeBeforeKopecks: c.perCapitaIncomeBeforeKopecks,
        perCapitaIncomeAfterKopecks,
        activityIncomeAfterKopecks: activityIncome,
        subsistenceMinimumKopecks: pm.perCapita,
        growthThresholdPercent: params.get('EFFECTIVENESS_INCOME_GROWTH_PERCENT'),
      });
      const verdict = commissionVerdict(figures, i.effective, i.departureReason);
      meeting.concludeEffectiveness(c.id, { ...verdict, computedEffective: figures.computedEffective }, ch.by, ch.now);
      c.evaluate({
        effective: verdict.effective,
        perCapitaIncomeAfterKopecks,
        meetingId: meeting.id,
        figures,
        departureReason: verdict.departureReason,
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
