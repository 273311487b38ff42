import { normsFromParameters } from '@sc/subgraph-kit';
import { loadEmploymentParameters } from '../../parameters/application/employment-parameters';

/** Which norms an operation of ЦЗН spends (хронометраж; [U] parameters, seed 003 gives none). */
export const OPERATION_NORMS: Readonly<Record<string, readonly string[]>> = {
  registerJobSeeker: ['NORM_REGISTRATION_MINUTES'],
  recordProfiling: ['NORM_PROFILING_MINUTES'],
  draftEmploymentPlan: ['NORM_PLAN_MINUTES'],
  referToTraining: ['NORM_TRAINING_REFERRAL_MINUTES'],
  recordContractService: ['NORM_CONTRACT_SERVICE_MINUTES'],
  offerVacancy: ['NORM_VACANCY_MINUTES'],
};

export const workNormsOf = (region: string) =>
  normsFromParameters(OPERATION_NORMS, (tx, on) => loadEmploymentParameters(tx, region, on));
