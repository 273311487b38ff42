import type { EntityManager } from '@mikro-orm/core';
import type { AccessRule } from '@sc/auth';
import { contractStatusChangedV1 } from '@sc/contracts';
import { parseIsoDate, uuidv7, ValidationError, type IsoDate } from '@sc/kernel';
import { CASE_WORK, COMMISSION_DECIDES, HEAD_DECIDES } from '../../access';
import { loadParameters } from '../../parameters/application/parameter.queries';
import type { RegionalParameters } from '../../parameters/domain/regional-parameters';
import type { ActivityInput } from '../../programmes/domain/adaptation-programme';
import {
  applyActivityEvent,
  failActivity,
  rescheduleActivity,
  type PsaActivity,
} from '../../programmes/domain/psa-activity';
import { inChange, mustFind, type CaseContext, type Change } from '@sc/subgraph-kit';
import type { MonitoringCheckpoint, ExtensionReason, TerminationGround } from '../domain/social-contract';
import { SocialContract } from '../domain/social-contract';

type ContractStep = (
  c: SocialContract,
  env: { tx: EntityManager; ch: Change; params: RegionalParameters; reason?: string },
) => Promise<void> | void;

/**
 * Loads a contract, applies one step, and — when its status moved — tells
 * the partners and integrators (contract.status-changed.v1) in the same
 * transaction.
 */
function changeContract(
  ctx: CaseContext,
  operation: string,
  rule: AccessRule,
  contractId: string,
  step: ContractStep,
  reason?: string | null,
): Promise<SocialContract> {
  return inChange(ctx, operation, rule, async (tx, ch) => {
    const c = await mustFind(tx, SocialContract, contractId, 'input.contractId');
    const before = c.status;
    const params = await loadParameters(tx, c.region, ch.today);
    await step(c, { tx, ch, params });
    if (c.status !== before) {
      await ctx.deps.outbox.enqueue(tx, contractStatusChangedV1, c.citizenId, {
        contractId: c.id,
        citizenId: c.citizenId,
        direction: c.direction,
        previousStatus: before,
        status: c.status,
        endDate: c.endDate,
        reason: reason ?? undefined,
        changedAt: ch.now.toISOString(),
      });
    }
    ch.audit(c.citizenId, 'SocialContract', c.id);
    return c;
  });
}

export const recordContractPayment = (
  ctx: CaseContext,
  i: { contractId: string; paymentNo: number; paidOn: IsoDate },
) =>
  changeContract(
    ctx,
    'recordContractPayment',
    CASE_WORK,
    i.contractId,
    (c, { ch }) => void c.recordPayment(i.paymentNo, i.paidOn, ch.now),
  );

export const startSocialContract = (ctx: CaseContext, contractId: string) =>
  changeContract(ctx, 'startSocialContract', CASE_WORK, contractId, (c, { ch }) => c.start(ch.now));

/** A specialist moves an activity: started, rescheduled for a valid reason, or failed without one. */
export function updatePsaActivity(
  ctx: CaseContext,
  i: {
    contractId: string;
    activityId: string;
    action: 'START' | 'RESCHEDULE' | 'FAIL';
    newDueDate?: IsoDate | null;
    reason?: string | null;
  },
) {
  return changeContract(ctx, 'updatePsaActivity', CASE_WORK, i.contractId, (c, { ch }) => {
    const a = c.activities.find((x) => x.id === i.activityId);
    if (!a) throw new ValidationError('input.activityId', 'MUST_EXIST', `not an activity of contract ${c.number}`);
    if (i.action === 'START') return applyActivityEvent(a, 'start', ch.today, ch.by, i.reason);
    if (!i.reason?.trim()) throw new ValidationError('input.reason', 'REASONS_REQUIRED', 'state the reason');
    if (i.action === 'FAIL') return failActivity(a, i.reason.trim(), ch.today, ch.by);
    if (!i.newDueDate)
      throw new ValidationError('input.newDueDate', 'REQUIRED', 'a rescheduled activity needs a new due date');
    parseIsoDate(i.newDueDate, 'input.newDueDate');
    if (i.newDueDate > c.endDate || i.newDueDate < ch.today)
      throw new ValidationError(
        'input.newDueDate',
        'ACTIVITY_WITHIN_CONTRACT',
        `the new due date must fall between today and the contract end ${c.endDate}`,
      );
    rescheduleActivity(a, i.newDueDate, i.reason.trim(), ch.today, ch.by);
  });
}

export const putSocialContractUnderReview = (ctx: CaseContext, i: { contractId: string; reason: string }) =>
  changeContract(
    ctx,
    'putSocialContractUnderReview',
    CASE_WORK,
    i.contractId,
    (c, { ch }) => c.putUnderReview(i.reason, ch.now),
    i.reason,
  );

export const resolveSocialContractReview = (ctx: CaseContext, contractId: string) =>
  changeContract(ctx, 'resolveSocialContractReview', CASE_WORK, contractId, (c, { ch }) => c.resolveReview(ch.now));

/** Дополнительное соглашение: a description and activities added inside the contract dates. */
export function amendSocialContract(
  ctx: CaseContext,
  i: { contractId: string; description: string; addActivities?: ActivityInput[] | null },
) {
  return changeContract(ctx, 'amendSocialContract', CASE_WORK, i.contractId, (c, { ch, params }) => {
    const added: PsaActivity[] = (i.addActivities ?? []).map((x) => ({
      id: uuidv7(ch.now.getTime()),
      kind: x.kind,
      description: x.description.trim(),
      responsibleAgency: x.responsibleAgency,
      responsibleOrganisation: x.responsibleOrganisation ?? null,
      startDate: x.startDate,
      dueDate: x.dueDate,
      costKopecks: x.costKopecks ?? null,
      status: 'PLANNED',
      standard: false,
      completedOn: null,
      history: [],
    }));
    c.amend(i.description, added, params, ch.today, ch.by, ch.now);
  });
}

export const extendSocialContract = (
  ctx: CaseContext,
  i: { contractId: string; newEndDate: IsoDate; reasonKind: ExtensionReason; reason: string },
) =>
  changeContract(
    ctx,
    'extendSocialContract',
    COMMISSION_DECIDES,
    i.contractId,
    (c, { ch, params }) => c.extend({ ...i, today: ch.today, by: ch.by, params, now: ch.now }),
    i.reason,
  );

export const endSocialContract = (ctx: CaseContext, contractId: string) =>
  changeContract(ctx, 'endSocialContract', CASE_WORK, contractId, (c, { ch }) => c.endTerm(ch.today, ch.now));

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

export const startPostMonitoring = (ctx: CaseContext, contractId: string) =>
  changeContract(
    ctx,
    'startPostMonitoring',
    CASE_WORK,
    contractId,
    (c, { ch, params }) => void c.startPostMonitoring(params, ch.now),
  );

export const recordPostMonitoringCheckpoint = (
  ctx: CaseContext,
  i: { contractId: string; checkpointNo: number } & Omit<MonitoringCheckpoint, 'no' | 'dueDate' | 'by'>,
) =>
  changeContract(ctx, 'recordPostMonitoringCheckpoint', CASE_WORK, i.contractId, (c, { ch }) => {
    if (
      i.perCapitaIncomeKopecks !== null &&
      i.perCapitaIncomeKopecks !== undefined &&
      (!Number.isInteger(i.perCapitaIncomeKopecks) || i.perCapitaIncomeKopecks < 0)
    ) {
      throw new ValidationError(
        'input.perCapitaIncomeKopecks',
        'AMOUNT_RANGE',
        'must be a whole, non-negative number of kopecks',
      );
    }
    c.recordCheckpoint(
      i.checkpointNo,
      {
        doneOn: i.doneOn,
        format: i.format,
        perCapitaIncomeKopecks: i.perCapitaIncomeKopecks ?? null,
        employed: i.employed ?? null,
        notes: i.notes ?? null,
        by: ch.by,
      },
      ch.today,
    );
  });

export const closeSocialContract = (ctx: CaseContext, contractId: string) =>
  changeContract(ctx, 'closeSocialContract', CASE_WORK, contractId, (c, { ch }) => c.close(ch.today, ch.now));

export const terminateSocialContract = (
  ctx: CaseContext,
  i: { contractId: string; ground: TerminationGround; note?: string | null; repaymentKopecks?: number | null },
) =>
  changeContract(
    ctx,
    'terminateSocialContract',
    HEAD_DECIDES,
    i.contractId,
    (c, { ch, params }) => c.terminate({ ...i, today: ch.today, by: ch.by, params, now: ch.now }),
    i.ground,
  );

export const recordRepayment = (ctx: CaseContext, i: { contractId: string; date: IsoDate }) =>
  changeContract(ctx, 'recordRepayment', CASE_WORK, i.contractId, (c, { ch }) => c.recordRepayment(i.date, ch.now));

export const referRepaymentToCourt = (ctx: CaseContext, contractId: string) =>
  changeContract(ctx, 'referRepaymentToCourt', HEAD_DECIDES, contractId, (c, { ch }) =>
    c.referToCourt(ch.today, ch.now),
  );

export const suspendSocialContractForSuccession = (ctx: CaseContext, i: { contractId: string; reason: string }) =>
  changeContract(
    ctx,
    'suspendSocialContractForSuccession',
    CASE_WORK,
    i.contractId,
    (c, { ch }) => c.suspendForSuccession(i.reason, ch.now),
    i.reason,
  );

export const continueSocialContractWithSuccessor = (
  ctx: CaseContext,
  i: { contractId: string; successorName: string },
) =>
  changeContract(ctx, 'continueSocialContractWithSuccessor', HEAD_DECIDES, i.contractId, (c, { ch }) =>
    c.continueWithSuccessor(i.successorName, ch.today, ch.by, ch.now),
  );
