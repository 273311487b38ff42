import { allows } from '@sc/auth';
import type { RequestContext } from '@sc/subgraph-kit';
import type { ScApplicationResolvers } from '../generated/graphql';
import { READ_MEANS } from '../access';
import { incomePeriodView } from '../applications/application/income-period.queries';
import { applicationStage, contractStage } from '../applications/domain/project-stage';
import {
  contractOfApplication,
  paramsOn,
  programmeOfApplication,
  referralsOfApplication,
  sentReferralsOfApplication,
} from './loaders';

/** Household, incomes and the survey are for ЦСПН staff and auditors only: others get null, and reads are audited. */
const means = <T>(a: { citizenId: string }, ctx: RequestContext, field: string, v: T): T | null => {
  if (!allows(ctx.principal, READ_MEANS)) return null;
  ctx.audit.read(a.citizenId, `ScApplication.${field}`);
  return v;
};

export const ScApplication: ScApplicationResolvers = {
  citizen: (a) => ({ id: a.citizenId }),
  incomingReferrals: (a, _args, ctx) => referralsOfApplication(ctx, a.id),
  sentReferrals: (a, _args, ctx) => sentReferralsOfApplication(ctx, a.id),
  household: (a, _x, ctx) => means(a, ctx, 'household', a.household),
  meansTest: (a, _x, ctx) => means(a, ctx, 'meansTest', a.meansTest ?? null),
  homeSurvey: (a, _x, ctx) => means(a, ctx, 'homeSurvey', a.homeSurvey ?? null),
  programme: (a, _x, ctx) => programmeOfApplication(ctx, a.id),
  contract: (a, _x, ctx) => contractOfApplication(ctx, a.id),
  identification: (a) => ({ source: a.identificationSource, organisation: a.identificationOrganisation ?? null }),
  projectStage: async (a, _x, ctx) => {
    const contract = a.status === 'CONTRACTED' ? await contractOfApplication(ctx, a.id) : null;
    return contract ? contractStage(contract.status) : applicationStage(a.status);
  },
  incomePeriod: async (a, _x, ctx) =>
    incomePeriodView(a.registeredOn(), await paramsOn(ctx, a.region, a.registeredOn())),
};
