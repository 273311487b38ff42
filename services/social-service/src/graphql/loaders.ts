import { loadById, loadManyBy, type RequestContext } from '@sc/subgraph-kit';
import { ServiceApplication } from '../applications/domain/service-application';
import { OutgoingReferral } from '@sc/kernel';

export const applicationsOf = (ctx: RequestContext, citizenId: string) => loadManyBy(ctx, ServiceApplication, 'citizenId', 'submittedAt', citizenId);
export const referralsOf = (ctx: RequestContext, citizenId: string) => loadManyBy(ctx, OutgoingReferral, 'citizenId', 'sentAt', citizenId);
export const applicationById = (ctx: RequestContext, id: string) => loadById(ctx, ServiceApplication, id);
