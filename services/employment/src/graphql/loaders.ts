import { loadById, loadManyBy, type RequestContext } from '@sc/subgraph-kit';
import { ContractSupport } from '../contract-support/domain/contract-support';
import { EmploymentPlan } from '../plans/domain/employment-plan';
import { JobSeekerRegistration } from '../registrations/domain/job-seeker-registration';
import { TrainingReferral } from '../training/domain/training-referral';

export const registrationsOf = (ctx: RequestContext, citizenId: string) =>
  loadManyBy(ctx, JobSeekerRegistration, 'citizenId', 'registeredOn', citizenId);
export const registrationById = (ctx: RequestContext, id: string) => loadById(ctx, JobSeekerRegistration, id);
export const plansOf = (ctx: RequestContext, citizenId: string) =>
  loadManyBy(ctx, EmploymentPlan, 'citizenId', 'id', citizenId);
export const trainingOf = (ctx: RequestContext, citizenId: string) =>
  loadManyBy(ctx, TrainingReferral, 'citizenId', 'referredOn', citizenId);
export const supportOf = (ctx: RequestContext, citizenId: string) =>
  loadManyBy(ctx, ContractSupport, 'citizenId', 'receivedAt', citizenId);
