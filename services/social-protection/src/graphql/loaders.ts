import { groupBy, type RequestContext } from '@sc/subgraph-kit';
import { ScApplication } from '../applications/domain/sc-application';
import { IncomingReferral } from '../referrals/domain/incoming-referral';

export const applicationsOf = (ctx: RequestContext, citizenId: string) =>
  ctx
    .loader<string, ScApplication[]>('applications-by-citizen', async (ids, em) =>
      groupBy(ids, await em.find(ScApplication, { citizenId: { $in: [...ids] } }, { orderBy: { submittedAt: 'desc' } }), (a) => a.citizenId),
    )
    .load(citizenId);

export const referralsOfApplication = (ctx: RequestContext, applicationId: string) =>
  ctx
    .loader<string, IncomingReferral[]>('referrals-by-application', async (ids, em) =>
      groupBy(ids, await em.find(IncomingReferral, { applicationId: { $in: [...ids] } }, { orderBy: { receivedAt: 'desc' } }), (r) => r.applicationId!),
    )
    .load(applicationId);

export const applicationById = (ctx: RequestContext, id: string) =>
  ctx
    .loader<string, ScApplication | null>('application-by-id', async (ids, em) => {
      const rows = await em.find(ScApplication, { id: { $in: [...ids] } });
      const m = new Map(rows.map((r) => [r.id, r]));
      return ids.map((i) => m.get(i) ?? null);
    })
    .load(id);
