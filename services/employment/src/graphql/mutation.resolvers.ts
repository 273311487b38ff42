import { returnEmploymentIncomingReferral } from '../referrals/application/return-incoming-referral';
import {
  answerProgrammeDraft,
  assignCases,
  correctWorkTime,
  markMyNotificationsRead,
  advanceAcceptanceClock,
} from '@sc/subgraph-kit';
import { HEAD_ASSIGNS, WORKLISTS, OWN_NOTIFICATIONS, PROGRAMME_AGREEMENT } from '../access';
import { ASSIGNABLE } from './assignable-cases';
import type { MutationResolvers } from '../generated/graphql';
import { recordContractService } from '../contract-support/application/contract-support.use-cases';
import { setEmploymentParameter } from '../parameters/application/employment-parameters';
import * as plans from '../plans/application/plan.use-cases';
import * as reg from '../registrations/application/registration.use-cases';
import * as training from '../training/application/training.use-cases';

/** Thin: each mutation is one use case. */
export const Mutation: MutationResolvers = {
  advanceEmploymentClock: (_p, { input }, ctx) => advanceAcceptanceClock(ctx, 'advanceEmploymentClock', input),
  answerEmploymentProgrammeDraft: (_p, { input }, ctx) =>
    answerProgrammeDraft(
      ctx,
      { operation: 'answerEmploymentProgrammeDraft', rule: PROGRAMME_AGREEMENT, agency: 'EMPLOYMENT' },
      input,
    ),
  markEmploymentNotificationsRead: (_p, { input }, ctx) =>
    markMyNotificationsRead(ctx, OWN_NOTIFICATIONS, 'markEmploymentNotificationsRead', input.ids),
  correctEmploymentWorkTime: (_p, { input }, ctx) => correctWorkTime(ctx, WORKLISTS, input),
  assignEmploymentCases: (_p, { input }, ctx) =>
    assignCases(ctx, HEAD_ASSIGNS, { operation: 'assignEmploymentCases', ...ASSIGNABLE[input.caseType]!, ...input }),
  registerJobSeeker: (_p, { input }, ctx) =>
    reg.registerJobSeeker(ctx, { ...input, channel: input.channel ?? 'WALK_IN' }),
  recordProfiling: (_p, { input }, ctx) => reg.recordProfiling(ctx, input),
  offerVacancy: (_p, { input }, ctx) => reg.offerVacancy(ctx, input),
  recordVacancyResponse: (_p, { input }, ctx) => reg.recordVacancyResponse(ctx, input),
  referJobSeekerForSocialContract: (_p, { input }, ctx) => reg.referJobSeekerForSocialContract(ctx, input),
  returnEmploymentIncomingReferral: (_p, { input }, ctx) => returnEmploymentIncomingReferral(ctx, input),
  confirmEmployment: (_p, { input }, ctx) => reg.confirmEmployment(ctx, input),
  deregisterJobSeeker: (_p, { input }, ctx) => reg.deregisterJobSeeker(ctx, input),
  draftEmploymentPlan: (_p, { input }, ctx) => plans.draftEmploymentPlan(ctx, input),
  agreeEmploymentPlan: (_p, { input }, ctx) => plans.agreeEmploymentPlan(ctx, input),
  moveEmploymentPlanStep: (_p, { input }, ctx) => plans.moveEmploymentPlanStep(ctx, input),
  referToTraining: (_p, { input }, ctx) => training.referToTraining(ctx, input),
  updateTrainingReferral: (_p, { input }, ctx) => training.updateTrainingReferral(ctx, input),
  recordContractService: (_p, { input }, ctx) => recordContractService(ctx, input),
  setEmploymentParameter: (_p, { input }, ctx) => setEmploymentParameter(ctx, input),
};
