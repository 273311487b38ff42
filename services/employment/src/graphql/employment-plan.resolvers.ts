import type { EmploymentPlanResolvers, PlanStepResolvers } from '../generated/graphql';
import { isStepOverdue } from '../plans/domain/employment-plan';
import { registrationById } from './loaders';
import { todayOf } from '@sc/subgraph-kit';

export const EmploymentPlan: EmploymentPlanResolvers = {
  registration: async (p, _a, ctx) => (await registrationById(ctx, p.registrationId))!,
};

export const PlanStep: PlanStepResolvers = {
  overdue: (s, _a, ctx) => isStepOverdue(s, todayOf(ctx)),
};
