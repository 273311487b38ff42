import type { MutationResolvers } from '../generated/graphql';
import { registerApplication } from '../applications/application/register-application';
import { referForContract } from '../referrals/application/refer-for-contract';
import { linkCitizenSnils } from '../citizens/application/link-citizen-snils';

export const Mutation: MutationResolvers = {
  registerSocialServiceApplication: (_p, { input }, ctx) => registerApplication(ctx.deps, ctx.principal, ctx.em, input),
  referCitizenForSocialContract: (_p, { input }, ctx) => referForContract(ctx.deps, ctx.principal, ctx.em, input),
  linkCitizenSnils: (_p, { input }, ctx) => linkCitizenSnils(ctx.deps, ctx.principal, ctx.em, input),
};
