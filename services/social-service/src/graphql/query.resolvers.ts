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
import { loadSocialServiceParameters } from '../parameters/application/social-service-parameters';

import { officeWorkload } from '../workload/application/workload.queries';
import {
  CASE_WORK,
  COMMISSION_INVITATIONS,
  PROGRAMME_AGREEMENT,
  READ_INTAKE,
  READ_PARAMETERS,
  READ_SENSITIVE,
  READ_SERVICES,
  WORKLISTS,
  HEAD_ASSIGNS,
  OWN_NOTIFICATIONS,
} from '../access';
import {
  accompanimentDeadlines,
  findAccompanimentCase,
  listAccompanimentCases,
} from '../accompaniment/application/accompaniment.queries';
import { socialServiceParametersOn } from '../parameters/application/social-service-parameters';
import { findPreventionCase, listPreventionCases } from '../prevention/application/prevention.queries';
import { findOutgoingReferral, listSocialServiceIncomingReferrals } from '../referrals/application/referral.queries';
import {
  findUrgentServiceCase,
  listUrgentServiceCases,
  urgentServiceCatalogue,
} from '../urgent/application/urgent.queries';

/** КЦСОН's queries: each authorises, runs its module's query and audits the persons it returns (inRead). */
export const Query: QueryResolvers = {
  ...sharedCitizenQueries,
  socialServiceReferralSla: (_p, args, ctx) =>
    inRead(
      ctx,
      'socialServiceReferralSla',
      STATISTICS_READERS,
      referralSlaBoard({ ...args, agency: 'SOCIAL_SERVICE', parameters: loadSocialServiceParameters }),
    ),
  socialServiceNotifications: (_p, args, ctx) =>
    inRead(ctx, 'socialServiceNotifications', OWN_NOTIFICATIONS, myNotifications(args)),
  socialServiceWorkLog: (_p, { month, subject }, ctx) =>
    inRead(ctx, 'socialServiceWorkLog', WORKLISTS, workLogOf(month, subject)),
  socialServiceWorkload: (_p, { month }, ctx) =>
    inRead(ctx, 'socialServiceWorkload', HEAD_ASSIGNS, officeWorkload(month, ctx.deps.config.region)),
  socialServiceOutgoingReferrals: (_p, { filter, ...page }, ctx) =>
    inRead(ctx, 'socialServiceOutgoingReferrals', WORKLISTS, listOutgoingReferrals(filter, page)),
  socialServiceIncomingReferrals: (_p, { filter, ...page }, ctx) =>
    inRead(ctx, 'socialServiceIncomingReferrals', WORKLISTS, listSocialServiceIncomingReferrals(filter, page)),
  socialServiceProgrammeDraft: (_p, { programmeId }, ctx) =>
    inRead(ctx, 'socialServiceProgrammeDraft', PROGRAMME_AGREEMENT, findProgrammeDraft(programmeId)),
  socialServiceProgrammeDrafts: (_p, args, ctx) =>
    inRead(ctx, 'socialServiceProgrammeDrafts', PROGRAMME_AGREEMENT, listProgrammeDrafts(args)),
  socialServiceCommissionInvitations: (_p, args, ctx) =>
    inRead(ctx, 'socialServiceCommissionInvitations', COMMISSION_INVITATIONS, listMvkInvitations(args)),
  socialServiceStaff: (_p, _a, ctx) => inRead(ctx, 'socialServiceStaff', HEAD_ASSIGNS, staffInTerritory),
  socialServiceCitizenSearch: (_p, args, ctx) =>
    inRead(ctx, 'socialServiceCitizenSearch', WORKLISTS, searchCitizens(args)),
  socialServiceReferral: (_p, { id }, ctx) =>
    inRead(ctx, 'socialServiceReferral', READ_INTAKE, findOutgoingReferral(id)),
  urgentServiceCatalogue: (_p, _a, ctx) =>
    inRead(ctx, 'urgentServiceCatalogue', READ_SERVICES, urgentServiceCatalogue()),
  urgentServiceCases: (_p, { filter, ...page }, ctx) =>
    inRead(ctx, 'urgentServiceCases', WORKLISTS, listUrgentServiceCases(filter, page)),
  accompanimentCases: (_p, { filter, ...page }, ctx) =>
    inRead(ctx, 'accompanimentCases', WORKLISTS, listAccompanimentCases(filter, page)),
  preventionCases: (_p, { filter, ...page }, ctx) =>
    inRead(ctx, 'preventionCases', READ_SENSITIVE, listPreventionCases(filter, page)),
  urgentServiceCase: (_p, { id }, ctx) => inRead(ctx, 'urgentServiceCase', READ_SERVICES, findUrgentServiceCase(id)),
  accompanimentCase: (_p, { id }, ctx) => inRead(ctx, 'accompanimentCase', READ_SERVICES, findAccompanimentCase(id)),
  preventionCase: (_p, { id }, ctx) => inRead(ctx, 'preventionCase', READ_SENSITIVE, findPreventionCase(id)),
  socialServiceParameters: (_p, { onDate }, ctx) =>
    inRead(ctx, 'socialServiceParameters', READ_PARAMETERS, socialServiceParametersOn(onDate)),
  accompanimentDeadlines: (_p, { withinDays }, ctx) =>
    inRead(ctx, 'accompanimentDeadlines', CASE_WORK, accompanimentDeadlines(withinDays)),
};
