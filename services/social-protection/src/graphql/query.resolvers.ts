import { STATISTICS_READERS } from '@sc/auth';
import {
  inRead,
  listOutgoingReferrals,
  myNotifications,
  referralSlaBoard,
  searchCitizens,
  sharedCitizenQueries,
  staffInTerritory,
  statisticsRows,
  workLogOf,
} from '@sc/subgraph-kit';
import type { QueryResolvers } from '../generated/graphql';
import { officeWorkload } from '../workload/application/workload.queries';
import {
  DEADLINE_READERS,
  HEAD_ASSIGNS,
  READ_APPLICATIONS,
  READ_MEANS,
  READ_PARAMETERS,
  READ_REFERRAL_QUEUE,
  READ_STATISTICS,
  CASE_WORK,
  WORKLISTS,
  OWN_NOTIFICATIONS,
} from '../access';
import { findScApplication, listScApplications } from '../applications/application/application.queries';
import { incomePeriodOn } from '../applications/application/income-period.queries';
import { findNonFulfilment } from '../non-fulfilment/application/non-fulfilment.queries';
import { findCommissionMeeting, listCommissionMeetings } from '../commission/application/commission.queries';
import { findSocialContract, listSocialContracts } from '../contracts/application/contract.queries';
import { specialistDeadlines } from '../deadlines/application/list-deadlines';
import { draftMonthlyReport } from '../monitoring/application/monthly-report-draft';
import {
  loadParameters,
  listCalendarDays,
  listSubsistenceMinima,
  regionalParametersOn,
} from '../parameters/application/parameter.queries';
import { findAdaptationProgramme, programmesAwaitingCommission } from '../programmes/application/programme.queries';
import { listIncomingReferrals } from '../referrals/application/referral.queries';
import { subsistenceMinimumView } from './views';

/** ЦСПН's queries: each authorises, runs its module's query and audits the persons it returns (inRead). */
export const Query: QueryResolvers = {
  ...sharedCitizenQueries,
  socialProtectionNotifications: (_p, args, ctx) =>
    inRead(ctx, 'socialProtectionNotifications', OWN_NOTIFICATIONS, myNotifications(args)),
  statistics: (_p, args, ctx) => statisticsRows(ctx, READ_STATISTICS, args),
  socialProtectionWorkLog: (_p, { month, subject }, ctx) =>
    inRead(ctx, 'socialProtectionWorkLog', DEADLINE_READERS, workLogOf(month, subject)),
  socialProtectionWorkload: (_p, { month }, ctx) =>
    inRead(ctx, 'socialProtectionWorkload', HEAD_ASSIGNS, officeWorkload(month)),
  socialProtectionStaff: (_p, _a, ctx) => inRead(ctx, 'socialProtectionStaff', HEAD_ASSIGNS, staffInTerritory),
  socialProtectionCitizenSearch: (_p, args, ctx) =>
    inRead(ctx, 'socialProtectionCitizenSearch', WORKLISTS, searchCitizens(args)),
  scApplications: (_p, { filter, ...page }, ctx) =>
    inRead(ctx, 'scApplications', WORKLISTS, listScApplications(filter, page)),
  socialContracts: (_p, { filter, ...page }, ctx) =>
    inRead(ctx, 'socialContracts', WORKLISTS, listSocialContracts(filter, page)),
  scApplication: (_p, { id }, ctx) => inRead(ctx, 'scApplication', READ_APPLICATIONS, findScApplication(id)),
  nonFulfilmentCase: (_p, { id }, ctx) => inRead(ctx, 'nonFulfilmentCase', READ_MEANS, findNonFulfilment(id)),
  scIncomePeriod: (_p, { applicationDate }, ctx) =>
    inRead(ctx, 'scIncomePeriod', CASE_WORK, incomePeriodOn(applicationDate)),
  incomingReferrals: (_p, { filter, ...page }, ctx) =>
    inRead(ctx, 'incomingReferrals', READ_REFERRAL_QUEUE, listIncomingReferrals(filter, page)),
  socialProtectionOutgoingReferrals: (_p, { filter, ...page }, ctx) =>
    inRead(ctx, 'socialProtectionOutgoingReferrals', WORKLISTS, listOutgoingReferrals(filter, page)),
  socialProtectionReferralSla: (_p, args, ctx) =>
    inRead(
      ctx,
      'socialProtectionReferralSla',
      STATISTICS_READERS,
      referralSlaBoard({ ...args, agency: 'SOCIAL_PROTECTION', parameters: loadParameters }),
    ),
  adaptationProgramme: (_p, { id }, ctx) =>
    inRead(ctx, 'adaptationProgramme', READ_APPLICATIONS, findAdaptationProgramme(id)),
  programmesAwaitingCommission: (_p, page, ctx) =>
    inRead(ctx, 'programmesAwaitingCommission', READ_APPLICATIONS, programmesAwaitingCommission(page)),
  commissionMeeting: (_p, { id }, ctx) =>
    inRead(ctx, 'commissionMeeting', READ_APPLICATIONS, findCommissionMeeting(id)),
  commissionMeetings: (_p, { filter, ...page }, ctx) =>
    inRead(ctx, 'commissionMeetings', READ_APPLICATIONS, listCommissionMeetings(filter, page)),
  socialContract: (_p, { id }, ctx) => inRead(ctx, 'socialContract', READ_APPLICATIONS, findSocialContract(id)),
  monthlyReportDraft: (_p, { contractId, period }, ctx) =>
    inRead(ctx, 'monthlyReportDraft', CASE_WORK, draftMonthlyReport(contractId, period)),
  deadlines: (_p, args, ctx) => inRead(ctx, 'deadlines', DEADLINE_READERS, specialistDeadlines(args)),
  regionalParameters: (_p, { onDate }, ctx) =>
    inRead(ctx, 'regionalParameters', READ_PARAMETERS, regionalParametersOn(onDate)),
  subsistenceMinima: async (_p, { year }, ctx) =>
    (await inRead(ctx, 'subsistenceMinima', READ_PARAMETERS, listSubsistenceMinima(year))).map(subsistenceMinimumView),
  calendarDays: (_p, { year }, ctx) => inRead(ctx, 'calendarDays', READ_PARAMETERS, listCalendarDays(year)),
};
