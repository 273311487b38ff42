import { subgraphCodegenConfig } from '../../packages/subgraph-kit/src/codegen-config';

export default subgraphCodegenConfig({
  JobSeekerRegistration: '../registrations/domain/job-seeker-registration#JobSeekerRegistration',
  EmploymentPlan: '../plans/domain/employment-plan#EmploymentPlan',
  PlanStep: '../plans/domain/employment-plan#PlanStep',
  TrainingReferral: '../training/domain/training-referral#TrainingReferral',
  ContractSupport: '../contract-support/domain/contract-support#ContractSupport',
  EmploymentReferral: '@sc/kernel#OutgoingReferral',
  EmploymentIncomingReferral: '../referrals/domain/incoming-employment-referral#IncomingEmploymentReferral',
  ProgrammeDraft: '@sc/subgraph-kit#ProgrammeDraftRecord',
});
