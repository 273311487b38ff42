import { listEmploymentIncomingReferrals } from '../referrals/application/referral.queries';
import { STATISTICS_READERS } from '@sc/auth';
import {
  inRead,
  referralSlaBoard,
  myNotifications,
  listMvkInvitations,
  listProgrammeDrafts,
  findProgrammeDraft,
  workLogOf,
  listOutgoingReferrals,
  searchCitizens,
  sharedCitizenQueries,
  staffInTerritory,
} from '@sc/subgraph-kit';
import type { QueryResolvers } from '../generated/graphql';
import { loadEmploymentParameters } from '../parameters/application/employment-parameters';

import { listEmploymentPlans } from '../plans/application/plan.queries';
import { officeWorkload } from '../workload/application/workload.queries';
import { listTrainingReferrals } from '../training/application/training.queries';
import {
  CASE_WORK,
  READ_CASE,
  READ_PARAMETERS,
  WORKLISTS,
  HEAD_ASSIGNS,
  COMMISSION_INVITATIONS,
  PROGRAMME_AGREEMENT,
  OWN_NOTIFICATIONS,
} from '../access';
import { listContractSupport } from '../contract-support/application/contract-support.queries';
import { employmentParametersOn } from '../parameters/application/employment-parameters';
import {
  findJobSeekerRegistration,
  listJobSeekerRegistrations,
  profilingDue,
} from '../registrations/application/registration.queries';

/** ЦЗН's queries: each authorises, runs its module's query and audits the persons it returns (inRead). */
export const Query: QueryResolvers = {
  ...sharedCitizenQueries,
  employmentReferralSla: (_p, args, ctx) =>
    inRead(
      ctx,
      'employmentReferralSla',
      STATISTICS_READERS,
      referralSlaBoard({ ...args, agency: 'EMPLOYMENT', parameters: loadEmploymentParameters }),
    ),
  employmentNotifications: (_p, args, ctx) =>
    inRead(ctx, 'employmentNotifications', OWN_NOTIFICATIONS, myNotifications(args)),
  employmentWorkLog: (_p, { month, subject }, ctx) =>
    inRead(ctx, 'employmentWorkLog', WORKLISTS, workLogOf(month, subject)),
  employmentPlans: (_p, { filter, ...page }, ctx) =>
    inRead(ctx, 'employmentPlans', WORKLISTS, listEmploymentPlans(filter, page)),
  employmentWorkload: (_p, { month }, ctx) =>
    inRead(ctx, 'employmentWorkload', HEAD_ASSIGNS, officeWorkload(month, ctx.deps.config.region)),
  employmentOutgoingReferrals: (_p, { filter, ...page }, ctx) =>
    inRead(ctx, 'employmentOutgoingReferrals', WORKLISTS, listOutgoingReferrals(filter, page)),
  employmentIncomingReferrals: (_p, { filter, ...page }, ctx) =>
    inRead(ctx, 'employmentIncomingReferrals', WORKLISTS, listEmploymentIncomingReferrals(filter, page)),
  trainingReferrals: (_p, { filter, ...page }, ctx) =>
    inRead(ctx, 'trainingReferrals', WORKLISTS, listTrainingReferrals(filter, page)),
  employmentProgrammeDraft: (_p, { programmeId }, ctx) =>
    inRead(ctx, 'employmentProgrammeDraft', PROGRAMME_AGREEMENT, findProgrammeDraft(programmeId)),
  employmentProgrammeDrafts: (_p, args, ctx) =>
    inRead(ctx, 'employmentProgrammeDrafts', PROGRAMME_AGREEMENT, listProgrammeDrafts(args)),
  employmentCommissionInvitations: (_p, args, ctx) =>
    inRead(ctx, 'employmentCommissionInvitations', COMMISSION_INVITATIONS, listMvkInvitations(args)),
  employmentStaff: (_p, _a, ctx) => inRead(ctx, 'employmentStaff', HEAD_ASSIGNS, staffInTerritory),
  employmentCitizenSearch: (_p, args, ctx) => inRead(ctx, 'employmentCitizenSearch', WORKLISTS, searchCitizens(args)),
  jobSeekerRegistrations: (_p, { filter, ...page }, ctx) =>
    inRead(ctx, 'jobSeekerRegistrations', WORKLISTS, listJobSeekerRegistrations(filter, page)),
  jobSeekerRegistration: (_p, { id }, ctx) =>
    inRead(ctx, 'jobSeekerRegistration', READ_CASE, findJobSeekerRegistration(id)),
  contractSupportCases: (_p, args, ctx) => inRead(ctx, 'contractSupportCases', CASE_WORK, listContractSupport(args)),
  profilingDue: (_p, { withinDays }, ctx) => inRead(ctx, 'profilingDue', CASE_WORK, profilingDue(withinDays)),
  employmentParameters: (_p, { onDate }, ctx) =>
    inRead(ctx, 'employmentParameters', READ_PARAMETERS, employmentParametersOn(onDate)),
};
