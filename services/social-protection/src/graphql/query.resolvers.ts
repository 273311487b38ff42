import { authorize } from '@sc/auth';
import { ValidationError } from '@sc/kernel';
import { sharedCitizenQueries, todayOf } from '@sc/subgraph-kit';
import type { QueryResolvers } from '../generated/graphql';
import { CASE_WORK, COMMISSION_DECIDES, READ_APPLICATIONS, READ_PARAMETERS, READ_REFERRAL_QUEUE } from '../access';
import { ScApplication } from '../applications/domain/sc-application';
import { CommissionMeeting } from '../commission/domain/commission-meeting';
import { SocialContract } from '../contracts/domain/social-contract';
import { listDeadlines } from '../deadlines/application/list-deadlines';
import { monthlyReportDraft } from '../monitoring/application/monitoring.use-cases';
import { CalendarDayRow } from '@sc/subgraph-kit';
import { loadParameters } from '../parameters/application/parameter.queries';
import { regionOfTerritory } from '../parameters/domain/regional-parameters';
import { SubsistenceMinimumRecord } from '../parameters/domain/subsistence-minimum';
import { AdaptationProgramme } from '../programmes/domain/adaptation-programme';
import { IncomingReferral } from '../referrals/domain/incoming-referral';
import { subsistenceMinimumView } from './views';

const range = (v: number, field: string, max: number) => {
  if (v < 1 || v > max) throw new ValidationError(field, 'RANGE', `must be between 1 and ${max}`);
  return v;
};

export const Query: QueryResolvers = {
  ...sharedCitizenQueries,
  scApplication: async (_p, { id }, ctx) => {
    authorize(ctx.principal, READ_APPLICATIONS, 'scApplication');
    const a = await ctx.em.findOne(ScApplication, { id });
    if (a) ctx.audit.read(a.citizenId, 'Query.scApplication');
    return a;
  },
  incomingReferrals: async (_p, { status, first }, ctx) => {
    authorize(ctx.principal, READ_REFERRAL_QUEUE, 'incomingReferrals');
    const limit = range(first ?? 50, 'first', 500);
    const rows = await ctx.em.find(IncomingReferral, status ? { status } : {}, {
      orderBy: { receivedAt: 'desc' },
      limit,
    });
    for (const r of rows) ctx.audit.read(r.citizenId, 'Query.incomingReferrals');
    return rows;
  },
  adaptationProgramme: async (_p, { id }, ctx) => {
    authorize(ctx.principal, READ_APPLICATIONS, 'adaptationProgramme');
    const p = await ctx.em.findOne(AdaptationProgramme, { id });
    if (p) ctx.audit.read(p.citizenId, 'Query.adaptationProgramme');
    return p;
  },
  programmesAwaitingCommission: async (_p, _a, ctx) => {
    authorize(ctx.principal, READ_APPLICATIONS, 'programmesAwaitingCommission');
    const region = regionOfTerritory(ctx.principal.territory);
    const apps = await ctx.em.find(ScApplication, { status: 'COMMISSION_REVIEW', region });
    const rows = await ctx.em.find(
      AdaptationProgramme,
      { status: 'ON_REVIEW', applicationId: { $in: apps.map((a) => a.id) } },
      { orderBy: { updatedAt: 'asc' } },
    );
    for (const r of rows) ctx.audit.read(r.citizenId, 'Query.programmesAwaitingCommission');
    return rows;
  },
  commissionMeeting: async (_p, { id }, ctx) => {
    authorize(ctx.principal, READ_APPLICATIONS, 'commissionMeeting');
    return ctx.em.findOne(CommissionMeeting, { id });
  },
  commissionMeetings: async (_p, { first }, ctx) => {
    authorize(ctx.principal, READ_APPLICATIONS, 'commissionMeetings');
    return ctx.em.find(
      CommissionMeeting,
      { region: regionOfTerritory(ctx.principal.territory) },
      { orderBy: { meetingDate: 'desc' }, limit: range(first ?? 20, 'first', 200) },
    );
  },
  socialContract: async (_p, { id }, ctx) => {
    authorize(ctx.principal, READ_APPLICATIONS, 'socialContract');
    const c = await ctx.em.findOne(SocialContract, { id });
    if (c) ctx.audit.read(c.citizenId, 'Query.socialContract');
    return c;
  },
  monthlyReportDraft: async (_p, { contractId, period }, ctx) => {
    authorize(ctx.principal, CASE_WORK, 'monthlyReportDraft');
    const c = await ctx.em.findOne(SocialContract, { id: contractId });
    if (!c) throw new ValidationError('contractId', 'MUST_EXIST', `contract ${contractId} not found`);
    ctx.audit.read(c.citizenId, 'Query.monthlyReportDraft');
    return monthlyReportDraft(ctx.em, c, period);
  },
  deadlines: async (_p, { assignedTo, withinDays }, ctx) => {
    authorize(
      ctx.principal,
      { agencies: ['SOCIAL_PROTECTION'], roles: [...CASE_WORK.roles!, ...COMMISSION_DECIDES.roles!] },
      'deadlines',
    );
    const rows = await listDeadlines(ctx.em, {
      assignedTo: assignedTo ?? ctx.principal.subject,
      region: regionOfTerritory(ctx.principal.territory),
      today: todayOf(ctx),
      withinDays: range(withinDays ?? 30, 'withinDays', 366),
    });
    for (const d of rows) ctx.audit.read(d.citizenId, 'Query.deadlines');
    return rows;
  },
  regionalParameters: async (_p, { onDate }, ctx) => {
    authorize(ctx.principal, READ_PARAMETERS, 'regionalParameters');
    return (await loadParameters(ctx.em, regionOfTerritory(ctx.principal.territory), onDate ?? todayOf(ctx))).view();
  },
  subsistenceMinima: async (_p, { year }, ctx) => {
    authorize(ctx.principal, READ_PARAMETERS, 'subsistenceMinima');
    const rows = await ctx.em.find(
      SubsistenceMinimumRecord,
      { region: regionOfTerritory(ctx.principal.territory), ...(year ? { year } : {}) },
      { orderBy: { year: 'desc', zone: 'asc' } },
    );
    return rows.map(subsistenceMinimumView);
  },
  calendarDays: async (_p, { year }, ctx) => {
    authorize(ctx.principal, READ_PARAMETERS, 'calendarDays');
    return ctx.em.find(
      CalendarDayRow,
      { date: { $gte: `${year}-01-01`, $lte: `${year}-12-31` } },
      { orderBy: { date: 'asc' } },
    );
  },
};
