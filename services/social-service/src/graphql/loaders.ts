import { loadById, loadManyBy, type RequestContext } from '@sc/subgraph-kit';
import { ServiceApplication } from '../applications/domain/service-application';
import { OutgoingReferral } from '@sc/kernel';
import { AccompanimentCase } from '../accompaniment/domain/accompaniment-case';
import { PreventionCase } from '../prevention/domain/prevention-case';
import { UrgentServiceAct } from '../urgent/domain/urgent-service-act';
import { UrgentServiceCase } from '../urgent/domain/urgent-service-case';

export const applicationsOf = (ctx: RequestContext, citizenId: string) =>
  loadManyBy(ctx, ServiceApplication, 'citizenId', 'submittedAt', citizenId);
export const referralsOf = (ctx: RequestContext, citizenId: string) =>
  loadManyBy(ctx, OutgoingReferral, 'citizenId', 'sentAt', citizenId);
export const applicationById = (ctx: RequestContext, id: string) => loadById(ctx, ServiceApplication, id);

export const urgentCasesOf = (ctx: RequestContext, citizenId: string) =>
  loadManyBy(ctx, UrgentServiceCase, 'citizenId', 'requestedAt', citizenId);
export const accompanimentOf = (ctx: RequestContext, citizenId: string) =>
  loadManyBy(ctx, AccompanimentCase, 'citizenId', 'appliedOn', citizenId);
export const preventionOf = (ctx: RequestContext, citizenId: string) =>
  loadManyBy(ctx, PreventionCase, 'citizenId', 'signalOn', citizenId);
export const urgentCaseById = (ctx: RequestContext, id: string) => loadById(ctx, UrgentServiceCase, id);
export const actById = (ctx: RequestContext, id: string) => loadById(ctx, UrgentServiceAct, id);
