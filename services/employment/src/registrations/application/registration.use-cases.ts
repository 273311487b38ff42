import type { EntityManager } from '@mikro-orm/core';
import type { NeedsQuestionnaire } from '@sc/contracts';
import { ValidationError, type IsoDate, type OutgoingReferral, type ReferralBasis } from '@sc/kernel';
import {
  findCase,
  inChange,
  openingTerritory,
  sendReferralForContract,
  validatePerson,
  type CaseContext,
  type Change,
  type PersonInput,
} from '@sc/subgraph-kit';
import { CASE_WORK } from '../../access';
import { ContractSupport } from '../../contract-support/domain/contract-support';
import { loadEmploymentParameters } from '../../parameters/application/employment-parameters';
import { IncomingEmploymentReferral } from '../../referrals/domain/incoming-employment-referral';
import { reportReferralProgress } from '../../referrals/application/report-referral-progress';
import { reportToSocialProtection } from '../../reports/application/report-to-social-protection';
import {
  JobSeekerRegistration,
  type Education,
  type ProfilingResult,
  type RegistrationChannel,
  type VacancyOutcome,
} from '../domain/job-seeker-registration';

export interface RegisterJobSeekerInput {
  citizen: PersonInput;
  status: 'JOB_SEEKER' | 'UNEMPLOYED';
  channel: RegistrationChannel;
  needs: Omit<NeedsQuestionnaire, 'comment'> & { comment?: string | null };
  education: Education;
  profession?: string | null;
  experienceYears: number;
  /** ОКТМО района; the worker's own district when omitted. */
  territory?: string | null;
}

/**
 * Регистрация в ЦЗН (seed 000, right column, step 1): once per citizen at a
 * time. A contract holder gets the category at once and ЦСПН hears of it
 * (M3); a referral from ЦСПН (M1) is linked.
 */
export function registerJobSeeker(ctx: CaseContext, i: RegisterJobSeekerInput): Promise<JobSeekerRegistration> {
  return inChange(ctx, 'registerJobSeeker', CASE_WORK, async (tx, c) => {
    const person = validatePerson(i.citizen, 'input.citizen', c.today);
    const territory = await openingTerritory(tx, c.p, i.territory, 'input.territory', c.today);
    const { citizen } = await ctx.deps.directory.register(tx, person, { territory });
    const existing = await tx.find(JobSeekerRegistration, { citizenId: citizen.id });
    const support = await tx.findOne(ContractSupport, { citizenId: citizen.id }, { orderBy: { receivedAt: 'desc' } });
    // The citizen came by the referral still waiting for them (an expired or returned one is not linked).
    const referral = await tx.findOne(
      IncomingEmploymentReferral,
      { citizenId: citizen.id, receiverCaseId: null, status: 'ACCEPTED' },
      { orderBy: { receivedAt: 'desc' } },
    );
    const needs: NeedsQuestionnaire = { ...i.needs, comment: i.needs.comment ?? undefined };
    const reg = JobSeekerRegistration.register({
      ...i,
      needs,
      citizenId: citizen.id,
      territory,
      channel: referral && i.channel === 'WALK_IN' ? 'REFERRAL_FROM_SOCIAL_PROTECTION' : i.channel,
      referralId: referral?.id,
      today: c.today,
      by: c.by,
      existing,
      contractHolder: Boolean(support?.isOpen()),
      now: c.now,
    });
    tx.persist(reg);
    if (referral) referral.receiverCaseId = reg.id;
    await tx.flush();
    await reportReferralProgress(tx, ctx.deps, reg, c.now); // ЦСПН hears the citizen came (M1)
    await reportToSocialProtection(
      ctx.deps,
      tx,
      citizen.id,
      { kind: 'REGISTERED', registrationStatus: reg.status as 'JOB_SEEKER' | 'UNEMPLOYED', occurredOn: c.today },
      'JOB_SEEKER_REGISTRATION',
      support,
    );
    c.audit(reg, 'JobSeekerRegistration', reg.id);
    return reg;
  });
}

async function onRegistration<T>(
  ctx: CaseContext,
  operation: string,
  id: string,
  fn: (r: JobSeekerRegistration, tx: EntityManager, c: Change) => Promise<T> | T,
): Promise<T> {
  return inChange(ctx, operation, CASE_WORK, async (tx, c) => {
    const r = await findCase(tx, c, JobSeekerRegistration, id, 'input.registrationId');
    const out = await fn(r, tx, c);
    if (!r.isActive()) await reportReferralProgress(tx, ctx.deps, r, c.now); // employed, deregistered: M1's result
    c.audit(r, 'JobSeekerRegistration', r.id);
    return out;
  });
}

export const recordProfiling = (
  ctx: CaseContext,
  i: { registrationId: string; profiledOn: IsoDate; result: ProfilingResult; notes?: string | null },
) =>
  onRegistration(ctx, 'recordProfiling', i.registrationId, async (r, tx, c) => {
    r.profile(
      { profiledOn: i.profiledOn, result: i.result, notes: i.notes },
      c.by,
      c.today,
      await loadEmploymentParameters(tx, ctx.deps.config.region, c.today),
    );
    return r;
  });

export const offerVacancy = (
  ctx: CaseContext,
  i: {
    registrationId: string;
    employerName: string;
    employerInn: string;
    position: string;
    wageKopecks: number;
    offeredOn: IsoDate;
  },
) =>
  onRegistration(ctx, 'offerVacancy', i.registrationId, (r, _tx, c) => {
    r.offerVacancy(i, c.today, c.now);
    return r;
  });

export const recordVacancyResponse = (
  ctx: CaseContext,
  i: {
    registrationId: string;
    offerId: string;
    response: 'ACCEPTED' | 'DECLINED';
    outcome?: VacancyOutcome | null;
    respondedOn: IsoDate;
    note?: string | null;
  },
) =>
  onRegistration(ctx, 'recordVacancyResponse', i.registrationId, (r, _tx, c) => {
    if (i.respondedOn > c.today)
      throw new ValidationError('input.respondedOn', 'NOT_IN_FUTURE', 'cannot be in the future');
    r.respondToOffer(i.offerId, i.response, i.outcome, i.respondedOn, i.note);
    return r;
  });

/** Трудоустройство подтверждено: the registration closes and ЦСПН releases the payments (M3 EMPLOYED). */
export const confirmEmployment = (
  ctx: CaseContext,
  i: {
    registrationId: string;
    employerInn: string;
    employerName?: string | null;
    contractDate: IsoDate;
    position: string;
    wageKopecks: number;
  },
) =>
  onRegistration(ctx, 'confirmEmployment', i.registrationId, async (r, tx, c) => {
    const e = r.confirmEmployment(i, c.today, c.by);
    await tx.flush();
    await reportToSocialProtection(
      ctx.deps,
      tx,
      r.citizenId,
      {
        kind: 'EMPLOYED',
        employment: {
          employerInn: e.employerInn,
          employerName: e.employerName ?? undefined,
          contractDate: e.contractDate,
          position: e.position,
          wageKopecks: e.wageKopecks,
        },
        occurredOn: e.contractDate,
      },
      'EMPLOYMENT',
    );
    return r;
  });

export const deregisterJobSeeker = (ctx: CaseContext, i: { registrationId: string; reason: string }) =>
  onRegistration(ctx, 'deregisterJobSeeker', i.registrationId, async (r, tx, c) => {
    r.deregister(i.reason, c.today);
    await tx.flush();
    await reportToSocialProtection(ctx.deps, tx, r.citizenId, {
      kind: 'DEREGISTERED',
      reason: r.deregistrationReason!,
      occurredOn: c.today,
    });
    return r;
  });

/** Информирование о социальном контракте и направление в ЦСПН (M4). */
export const referJobSeekerForSocialContract = (
  ctx: CaseContext,
  i: { registrationId: string; basis: ReferralBasis; comment?: string | null },
): Promise<OutgoingReferral> =>
  onRegistration(ctx, 'referJobSeekerForSocialContract', i.registrationId, async (r, tx, c) => {
    if (!r.isActive())
      throw new ValidationError('input.registrationId', 'ACTIVE_REGISTRATION', `the registration is ${r.status}`);
    const citizen = await ctx.deps.directory.get(tx, r.citizenId);
    return sendReferralForContract(ctx.deps, tx, {
      fromAgency: 'EMPLOYMENT',
      citizen,
      senderCaseId: r.id,
      needs: r.needs,
      basis: i.basis,
      comment: i.comment,
      by: c.by,
      now: c.now,
      parameters: loadEmploymentParameters,
    });
  });
