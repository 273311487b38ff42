import { contractStage } from '../applications/domain/project-stage';
import { allows } from '@sc/auth';
import type { MonitoringCheckpointResolvers, SocialContractResolvers } from '../generated/graphql';
import { READ_MEANS } from '../access';
import { paidTotal } from '../contracts/domain/payment-schedule';
import { monthlyObligations } from '../monitoring/domain/obligations';
import {
  applicationById,
  calendarOf,
  nonFulfilmentOf,
  paramsOf,
  partnerEventsOf,
  programmeById,
  reportsOf,
  visitsOf,
} from './loaders';
import { todayOf } from '@sc/subgraph-kit';

export const SocialContract: SocialContractResolvers = {
  citizen: (c) => ({ id: c.citizenId }),
  projectStage: (c) => contractStage(c.status),
  // Explanations and appeals are the citizen's words: ЦСПН staff and auditors, every read audited.
  nonFulfilment: async (c, _x, ctx) => {
    if (!allows(ctx.principal, READ_MEANS)) return [];
    ctx.audit.read(c.citizenId, 'SocialContract.nonFulfilment');
    return nonFulfilmentOf(ctx, c.id);
  },
  application: async (c, _x, ctx) => (await applicationById(ctx, c.applicationId))!,
  programme: async (c, _x, ctx) => (await programmeById(ctx, c.programmeId))!,
  payments: (c, _x, ctx) => {
    if (!allows(ctx.principal, READ_MEANS)) return null;
    ctx.audit.read(c.citizenId, 'SocialContract.payments');
    return c.payments;
  },
  paidTotalKopecks: (c, _x, ctx) => (allows(ctx.principal, READ_MEANS) ? paidTotal(c.payments) : null),
  monthlyPaymentKopecks: (c, _x, ctx) => (allows(ctx.principal, READ_MEANS) ? (c.monthlyPaymentKopecks ?? null) : null),
  evaluationDueDate: async (c, _x, ctx) => c.evaluationDueDate(await paramsOf(ctx, c.region)),
  obligations: async (c, _x, ctx) => {
    const [reports, visits, calendar, params] = await Promise.all([
      reportsOf(ctx, c.id),
      visitsOf(ctx, c.id),
      calendarOf(ctx),
      paramsOf(ctx, c.region),
    ]);
    return monthlyObligations({
      contract: c,
      reportPeriods: reports.map((r) => r.period),
      visitPeriods: visits.map((v) => v.period),
      today: todayOf(ctx),
      calendar,
      params,
    });
  },
  monthlyReports: (c, _x, ctx) => reportsOf(ctx, c.id),
  controlVisits: (c, _x, ctx) => visitsOf(ctx, c.id),
  partnerEvents: (c, _x, ctx) => partnerEventsOf(ctx, c.id),
};

export const MonitoringCheckpoint: MonitoringCheckpointResolvers = {
  overdue: (cp, _x, ctx) => !cp.doneOn && todayOf(ctx) > cp.dueDate,
};
