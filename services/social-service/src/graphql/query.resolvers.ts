import { authorize } from '@sc/auth';
import { addDays, OutgoingReferral, ValidationError } from '@sc/kernel';
import { sharedCitizenQueries, todayOf } from '@sc/subgraph-kit';
import type { QueryResolvers } from '../generated/graphql';
import { CASE_WORK, READ_INTAKE, READ_SENSITIVE, READ_SERVICES } from '../access';
import { AccompanimentCase } from '../accompaniment/domain/accompaniment-case';
import { PreventionCase } from '../prevention/domain/prevention-case';
import { UrgentServiceTypeRecord } from '../urgent/domain/urgent-service-type';
import { UrgentServiceCase } from '../urgent/domain/urgent-service-case';
import { loadSocialServiceParameters } from '../parameters/application/social-service-parameters';

export const Query: QueryResolvers = {
  ...sharedCitizenQueries,
  socialServiceReferral: async (_p, { id }, ctx) => {
    authorize(ctx.principal, READ_INTAKE, 'socialServiceReferral');
    const r = await ctx.em.findOne(OutgoingReferral, { id });
    if (r) ctx.audit.read(r.citizenId, 'Query.socialServiceReferral');
    return r;
  },
  urgentServiceCatalogue: async (_p, _a, ctx) => {
    authorize(ctx.principal, READ_SERVICES, 'urgentServiceCatalogue');
    return ctx.em.find(UrgentServiceTypeRecord, {}, { orderBy: { code: 'asc' } });
  },
  urgentServiceCase: async (_p, { id }, ctx) => {
    authorize(ctx.principal, READ_SERVICES, 'urgentServiceCase');
    const u = await ctx.em.findOne(UrgentServiceCase, { id });
    if (u?.citizenId) ctx.audit.read(u.citizenId, 'Query.urgentServiceCase');
    return u;
  },
  accompanimentCase: async (_p, { id }, ctx) => {
    authorize(ctx.principal, READ_SERVICES, 'accompanimentCase');
    const a = await ctx.em.findOne(AccompanimentCase, { id });
    if (a) ctx.audit.read(a.citizenId, 'Query.accompanimentCase');
    return a;
  },
  preventionCase: async (_p, { id }, ctx) => {
    authorize(ctx.principal, READ_SENSITIVE, 'preventionCase');
    const p = await ctx.em.findOne(PreventionCase, { id });
    if (p) ctx.audit.read(p.citizenId, 'Query.preventionCase');
    return p;
  },
  socialServiceParameters: async (_p, { onDate }, ctx) => {
    authorize(ctx.principal, READ_SERVICES, 'socialServiceParameters');
    return (await loadSocialServiceParameters(ctx.em, ctx.deps.config.region, onDate ?? todayOf(ctx))).view();
  },
  accompanimentDeadlines: async (_p, { withinDays }, ctx) => {
    authorize(ctx.principal, CASE_WORK, 'accompanimentDeadlines');
    const w = withinDays ?? 5;
    if (w < 0 || w > 366) throw new ValidationError('withinDays', 'RANGE', 'must be between 0 and 366');
    const until = addDays(todayOf(ctx), w);
    const open = await ctx.em.find(AccompanimentCase, {
      status: { $in: ['APPLIED', 'NEED_RECOGNISED', 'ACTIVE', 'PROGRAMME_ISSUED', 'REVISION'] },
    });
    const rows = open.filter(
      (a) =>
        (a.status === 'APPLIED' && a.needDecisionDue <= until) ||
        ((a.status === 'APPLIED' || a.status === 'NEED_RECOGNISED') && a.programmeDue <= until) ||
        (a.individualProgramme && a.individualProgramme.revisionDue <= until),
    );
    for (const a of rows) ctx.audit.read(a.citizenId, 'Query.accompanimentDeadlines');
    return rows.sort((x, y) => x.needDecisionDue.localeCompare(y.needDecisionDue));
  },
};
