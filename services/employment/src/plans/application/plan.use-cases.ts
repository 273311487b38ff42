import { inChange, findCase, type CaseContext } from '@sc/subgraph-kit';
import { ConflictError, ValidationError, type IsoDate } from '@sc/kernel';
import { CASE_WORK } from '../../access';
import { loadEmploymentParameters } from '../../parameters/application/employment-parameters';
import { JobSeekerRegistration } from '../../registrations/domain/job-seeker-registration';
import { reportReferralProgress } from '../../referrals/application/report-referral-progress';
import { reportToSocialProtection } from '../../reports/application/report-to-social-protection';
import { EmploymentPlan, type PlanStepKind } from '../domain/employment-plan';

/** Индивидуальный план: drafted for an active registration; one plan in force per registration (a new draft replaces an unagreed one). */
export function draftEmploymentPlan(
  ctx: CaseContext,
  i: { registrationId: string; steps: { kind: PlanStepKind; description: string; dueDate: IsoDate }[] },
): Promise<EmploymentPlan> {
  return inChange(ctx, 'draftEmploymentPlan', CASE_WORK, async (tx, c) => {
    const r = await findCase(tx, c, JobSeekerRegistration, i.registrationId, 'input.registrationId');
    if (!r.isActive())
      throw new ConflictError('REGISTRATION_CLOSED', `JobSeekerRegistration in state ${r.status} cannot take a plan`, {
        rule: 'STATE_MACHINE',
        currentState: r.status,
        attemptedAction: 'draftEmploymentPlan',
      });
    const existing = await tx.findOne(EmploymentPlan, { registrationId: r.id, status: 'AGREED' });
    if (existing)
      throw new ConflictError('PLAN_AGREED', `the registration already has an agreed plan (${existing.id})`, {
        rule: 'ONE_PLAN_PER_REGISTRATION',
      });
    const params = await loadEmploymentParameters(tx, ctx.deps.config.region, c.today);
    for (const d of await tx.find(EmploymentPlan, { registrationId: r.id, status: 'DRAFT' })) tx.remove(d);
    const plan = EmploymentPlan.draft({
      registrationId: r.id,
      citizenId: r.citizenId,
      territory: r.territory,
      steps: i.steps,
      today: c.today,
      maxMonths: params.get('PLAN_STEP_MAX_MONTHS'),
      by: c.by,
      now: c.now,
    });
    tx.persist(plan);
    c.audit(r, 'EmploymentPlan', plan.id);
    return plan;
  });
}

/** Agreed with the citizen at a personal visit; ЦСПН hears of it (M3 PLAN_APPROVED). */
export function agreeEmploymentPlan(
  ctx: CaseContext,
  i: { planId: string; agreedOn: IsoDate },
): Promise<EmploymentPlan> {
  return inChange(ctx, 'agreeEmploymentPlan', CASE_WORK, async (tx, c) => {
    const plan = await findCase(tx, c, EmploymentPlan, i.planId, 'input.planId');
    plan.agree(i.agreedOn, c.today);
    await tx.flush();
    await reportToSocialProtection(ctx.deps, tx, plan.citizenId, {
      kind: 'PLAN_APPROVED',
      planId: plan.id,
      occurredOn: i.agreedOn,
    });
    const reg = await tx.findOneOrFail(JobSeekerRegistration, { id: plan.registrationId });
    await reportReferralProgress(tx, ctx.deps, reg, c.now); // the plan is M1's result for ЦСПН
    c.audit(plan, 'EmploymentPlan', plan.id);
    return plan;
  });
}

export function moveEmploymentPlanStep(
  ctx: CaseContext,
  i: { planId: string; stepId: string; action: 'START' | 'COMPLETE' | 'MISS'; on: IsoDate; note?: string | null },
): Promise<EmploymentPlan> {
  return inChange(ctx, 'moveEmploymentPlanStep', CASE_WORK, async (tx, c) => {
    const plan = await findCase(tx, c, EmploymentPlan, i.planId, 'input.planId');
    if (i.on > c.today)
      throw new ValidationError('input.on', 'NOT_IN_FUTURE', 'a step cannot be moved on a future date');
    plan.moveStep(
      i.stepId,
      i.action === 'START' ? 'start' : i.action === 'COMPLETE' ? 'complete' : 'miss',
      i.on,
      i.note,
    );
    c.audit(plan, 'EmploymentPlan', plan.id);
    return plan;
  });
}
