import { loadById, loadManyBy, type RequestContext } from '@sc/subgraph-kit';
import { ScApplication } from '../applications/domain/sc-application';
import { IncomingReferral } from '../referrals/domain/incoming-referral';

export const applicationsOf = (ctx: RequestContext, citizenId: string) => loadManyBy(ctx, ScApplication, 'citizenId', 'submittedAt', citizenId);
export const referralsOfApplication = (ctx: RequestContext, applicationId: string) => loadManyBy(ctx, IncomingReferral, 'applicationId', 'receivedAt', applicationId);
export const applicationById = (ctx: RequestContext, id: string) => loadById(ctx, ScApplication, id);
