import type { EntityManager } from '@mikro-orm/core';
import type { AccessRule } from '@sc/auth';
import { ValidationError, type IsoDate } from '@sc/kernel';
import { inChange, loadWorkingCalendar, findCase, type CaseContext, type Change } from '@sc/subgraph-kit';
import { NEED_RECOGNITION, CASE_WORK } from '../../access';
import { reportServicesDelivered } from '../../contracts/application/report-services-delivered';
import { loadSocialServiceParameters } from '../../parameters/application/social-service-parameters';
import { UrgentServiceCase } from '../../urgent/domain/urgent-service-case';
import { ON_REGISTER, PreventionCase } from '../../prevention/domain/prevention-case';
import {
  AccompanimentCase,
  type AccompanimentGround,
  type AccompanimentProgramme,
  type ClosureReason,
  type Evidence,
  type FamilyProfile,
  type GoalOutcome,
  type IndividualProgramme,
  type MeasureInput,
} from '../domain/accompaniment-case';

/** Открыть случай сопровождения locally (an application, or a need found while giving urgent help). */
export function openAccompanimentCase(
  ctx: CaseContext,
  i: {
    citizenId?: string | null;
    fromUrgentCaseId?: string | null;
    programme: AccompanimentProgramme;
    grounds: AccompanimentGround[];
    evidence?: Evidence[] | null;
    appliedOn: IsoDate;
    family?: (Omit<FamilyProfile, 'categories'> & { categories?: FamilyProfile['categories'] | null }) | null;
    socialLift?: Parameters<typeof AccompanimentCase.open>[0]['socialLift'];
  },
): Promise<AccompanimentCase> {
  return inChange(ctx, 'openAccompanimentCase', CASE_WORK, async (tx, c) => {
    let citizenId = i.citizenId ?? null;
    let urgent: UrgentServiceCase | null = null;
    if (i.fromUrgentCaseId) {
      urgent = await findCase(tx, c, UrgentServiceCase, i.fromUrgentCaseId, 'input.fromUrgentCaseId');
      citizenId = urgent.followUpCitizen();
    }
    const citizen = await ctx.deps.directory.get(tx, citizenId ?? '', 'input.citizenId');
    // By key, only a person this office already serves: a walk-in from elsewhere is registered first.
    if (!urgent) c.guard(citizen);
    const territory = urgent?.territory ?? citizen.territory;
    if (i.appliedOn > c.today) throw new ValidationError('input.appliedOn', 'NOT_IN_FUTURE', 'cannot be in the future');
    // «Точка опоры»: the family's own prevention case (120-ФЗ), registered in СОП at this КЦСОН — asked only for it.
    const sop =
      i.programme === 'FULCRUM'
        ? await tx.count(PreventionCase, {
            citizenId: citizen.id,
            subject: 'FAMILY',
            status: { $in: [...ON_REGISTER] },
          })
        : 0;
    const a = AccompanimentCase.open({
      citizenId: citizen.id,
      territory,
      programme: i.programme,
      grounds:
        urgent && !i.grounds.includes('URGENT_CASE_FOLLOW_UP') ? [...i.grounds, 'URGENT_CASE_FOLLOW_UP'] : i.grounds,
      evidence: i.evidence ?? [],
      appliedOn: i.appliedOn,
      family: i.family ? { ...i.family, categories: i.family.categories ?? [] } : null,
      socialLift: i.socialLift,
      registeredInSop: sop > 0,
      calendar: await loadWorkingCalendar(tx),
      params: await loadSocialServiceParameters(tx, ctx.deps.config.region, c.today),
      by: c.by,
      now: c.now,
    });
    tx.persist(a);
    if (urgent) urgent.followUp = { kind: 'ACCOMPANIMENT', caseId: a.id };
    c.audit(a, 'AccompanimentCase', a.id);
    return a;
  });
}

async function onCase(
  ctx: CaseContext,
  operation: string,
  id: string,
  fn: (a: AccompanimentCase, tx: EntityManager, c: Change) => Promise<unknown> | unknown,
  rule: AccessRule = CASE_WORK,
): Promise<AccompanimentCase> {
  return inChange(ctx, operation, rule, async (tx, c) => {
    const a = await findCase(tx, c, AccompanimentCase, id, 'input.caseId');
    await fn(a, tx, c);
    c.audit(a, 'AccompanimentCase', a.id);
    return a;
  });
}

/** Признание нуждающимся (5 working days), by the authorised body (ЦСПН), not the provider. */
export const decideNeedRecognition = (
  ctx: CaseContext,
  i: { caseId: string; recognised: boolean; reason?: string | null; decidedOn: IsoDate },
) =>
  onCase(
    ctx,
    'decideNeedRecognition',
    i.caseId,
    (a, _tx, c) => a.decideNeed(i.recognised, i.reason, i.decidedOn, c.today),
    NEED_RECOGNITION,
  );

/** ИППСУ (10 working days): form, services with volumes and periods; revision due in 3 years. */
export const issueIndividualProgramme = (
  ctx: CaseContext,
  i: { caseId: string } & Omit<IndividualProgramme, 'revisionDue'>,
) =>
  onCase(ctx, 'issueIndividualProgramme', i.caseId, async (a, tx, c) =>
    a.issueProgramme(
      { number: i.number, form: i.form, provider: i.provider, services: i.services, issuedOn: i.issuedOn },
      c.today,
      await loadSocialServiceParameters(tx, ctx.deps.config.region, c.today),
    ),
  );

export const signServiceContract = (ctx: CaseContext, i: { caseId: string; signedOn: IsoDate }) =>
  onCase(ctx, 'signServiceContract', i.caseId, (a, _tx, c) => a.signServiceContract(i.signedOn, c.today));

export const startProgrammeRevision = (ctx: CaseContext, caseId: string) =>
  onCase(ctx, 'startProgrammeRevision', caseId, (a) => a.startRevision());

export const addAccompanimentMeasure = (ctx: CaseContext, i: MeasureInput & { caseId: string }) =>
  onCase(ctx, 'addAccompanimentMeasure', i.caseId, (a, _tx, c) => a.addMeasure(i, c.today, c.now));

export const updateAccompanimentMeasure = (
  ctx: CaseContext,
  i: { caseId: string; measureId: string; action: 'START' | 'COMPLETE' | 'DECLINE'; on: IsoDate; note?: string | null },
) =>
  onCase(ctx, 'updateAccompanimentMeasure', i.caseId, (a) =>
    a.moveMeasure(
      i.measureId,
      i.action === 'START' ? 'start' : i.action === 'COMPLETE' ? 'complete' : 'decline',
      i.on,
      i.note,
    ),
  );

/** Следующий этап «Социального лифта» on its date (the release date for «Освобождение»); today by default. */
export const advanceSocialLiftStage = (
  ctx: CaseContext,
  i: { caseId: string; on?: IsoDate | null; note?: string | null },
) =>
  onCase(ctx, 'advanceSocialLiftStage', i.caseId, (a, _tx, c) => a.advanceSocialLift(i.on ?? c.today, i.note, c.today));

/** Цель сопровождения besides the programme's own. */
export const addAccompanimentGoal = (ctx: CaseContext, i: { caseId: string; text: string }) =>
  onCase(ctx, 'addAccompanimentGoal', i.caseId, (a, _tx, c) => a.addGoal(i.text, c.today, c.now));

/** Результат по цели сопровождения. */
export const recordAccompanimentGoalResult = (
  ctx: CaseContext,
  i: { caseId: string; goalId: string; outcome: GoalOutcome; note?: string | null; on: IsoDate },
) => onCase(ctx, 'recordAccompanimentGoalResult', i.caseId, (a, _tx, c) => a.recordGoalResult(i, c.today, c.by));

export const closeAccompanimentCase = (ctx: CaseContext, i: { caseId: string; reason: ClosureReason }) =>
  onCase(ctx, 'closeAccompanimentCase', i.caseId, (a, _tx, c) => a.close(i.reason, c.today));

/**
 * A service delivered to a contract holder under the ПСА activity ЦСПН
 * assigned (psychologist, financial literacy…): reported to ЦСПН (M6).
 */
export const recordContractServiceDelivery = (
  ctx: CaseContext,
  i: {
    caseId: string;
    code: string;
    name?: string | null;
    deliveredOn: IsoDate;
    volume: number;
    unit?: string | null;
    psaActivityId?: string | null;
    completesActivity: boolean;
    actId?: string | null;
  },
) =>
  onCase(ctx, 'recordContractServiceDelivery', i.caseId, async (a, tx, c) => {
    if (!a.contractId)
      throw new ValidationError(
        'input.caseId',
        'CONTRACT_CASE',
        'only a case opened for a social contract reports to ЦСПН',
      );
    if (!(i.volume > 0)) throw new ValidationError('input.volume', 'VOLUME_RANGE', 'the volume must be positive');
    if (i.deliveredOn > c.today)
      throw new ValidationError('input.deliveredOn', 'NOT_IN_FUTURE', 'cannot be in the future');
    if (i.psaActivityId && !a.activities.some((x) => x.activityId === i.psaActivityId))
      throw new ValidationError(
        'input.psaActivityId',
        'ACTIVITY_OF_CONTRACT',
        'not an activity ЦСПН assigned to КЦСОН',
      );
    await reportServicesDelivered(
      ctx.deps,
      tx,
      a.citizenId,
      [
        {
          code: i.code,
          name: i.name ?? undefined,
          deliveredOn: i.deliveredOn,
          volume: i.volume,
          unit: i.unit ?? undefined,
          actId: i.actId ?? undefined,
          psaActivityId: i.psaActivityId ?? undefined,
          completesActivity: i.completesActivity,
        },
      ],
      a,
    );
  });
