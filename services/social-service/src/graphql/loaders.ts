import { groupBy, type RequestContext } from '@sc/subgraph-kit';
import { ServiceApplication } from '../applications/domain/service-application';
import { OutgoingReferral } from '../referrals/domain/outgoing-referral';

export const applicationsOf = (ctx: RequestContext, citizenId: string) =>
  ctx
    .loader<string, ServiceApplication[]>('applications-by-citizen', async (ids, em) =>
      groupBy(ids, await em.find(ServiceApplication, { citizenId: { $in: [...ids] } }, { orderBy: { submittedAt: 'desc' } }), (a) => a.citizenId),
    )
    .load(citizenId);

export const referralsOf = (ctx: RequestContext, citizenId: string) =>
  ctx
    .loader<string, OutgoingReferral[]>('referrals-by-citizen', async (ids, em) =>
      groupBy(ids, await em.find(OutgoingReferral, { citizenId: { $in: [...ids] } }, { orderBy: { sentAt: 'desc' } }), (r) => r.citizenId),
    )
    .load(citizenId);

export const applicationById = (ctx: RequestContext, id: string) =>
  ctx
    .loader<string, ServiceApplication | null>('application-by-id', async (ids, em) => {
      const rows = await em.find(ServiceApplication, { id: { $in: [...ids] } });
      const m = new Map(rows.map((r) => [r.id, r]));
      return ids.map((i) => m.get(i) ?? null);
    })
    .load(id);
