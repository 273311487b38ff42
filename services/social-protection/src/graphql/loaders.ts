import { OutgoingReferral, type WorkingCalendar } from '@sc/kernel';
import { loadById, loadManyBy, loadWorkingCalendar, todayOf, type RequestContext } from '@sc/subgraph-kit';
import { ScApplication } from '../applications/domain/sc-application';
import { CommissionMeeting } from '../commission/domain/commission-meeting';
import { SocialContract } from '../contracts/domain/social-contract';
import { ControlVisit } from '../monitoring/domain/control-visit';
import { MonthlyReport } from '../monitoring/domain/monthly-report';
import { loadParameters } from '../parameters/application/parameter.queries';
import type { RegionalParameters } from '../parameters/domain/regional-parameters';
import { NonFulfilment } from '../non-fulfilment/domain/non-fulfilment';
import { PartnerEvent } from '../partner-reports/domain/partner-event';
import { AdaptationProgramme } from '../programmes/domain/adaptation-programme';
import { IncomingReferral } from '../referrals/domain/incoming-referral';

export const applicationsOf = (ctx: RequestContext, citizenId: string) =>
  loadManyBy(ctx, ScApplication, 'citizenId', 'submittedAt', citizenId);
export const referralsOfApplication = (ctx: RequestContext, applicationId: string) =>
  loadManyBy(ctx, IncomingReferral, 'receiverCaseId', 'receivedAt', applicationId);
export const sentReferralsOfApplication = (ctx: RequestContext, applicationId: string) =>
  loadManyBy(ctx, OutgoingReferral, 'senderCaseId', 'sentAt', applicationId);
export const applicationById = (ctx: RequestContext, id: string) => loadById(ctx, ScApplication, id);
export const programmeById = (ctx: RequestContext, id: string) => loadById(ctx, AdaptationProgramme, id);
export const contractById = (ctx: RequestContext, id: string) => loadById(ctx, SocialContract, id);
export const meetingById = (ctx: RequestContext, id: string) => loadById(ctx, CommissionMeeting, id);
export const programmeOfApplication = async (ctx: RequestContext, applicationId: string) =>
  (await loadManyBy(ctx, AdaptationProgramme, 'applicationId', 'updatedAt', applicationId))[0] ?? null;
export const contractOfApplication = async (ctx: RequestContext, applicationId: string) =>
  (await loadManyBy(ctx, SocialContract, 'applicationId', 'concludedAt', applicationId))[0] ?? null;
export const contractsOf = (ctx: RequestContext, citizenId: string) =>
  loadManyBy(ctx, SocialContract, 'citizenId', 'concludedAt', citizenId);
export const reportsOf = (ctx: RequestContext, contractId: string) =>
  loadManyBy(ctx, MonthlyReport, 'contractId', 'period', contractId);
export const visitsOf = (ctx: RequestContext, contractId: string) =>
  loadManyBy(ctx, ControlVisit, 'contractId', 'visitDate', contractId);
export const nonFulfilmentOf = (ctx: RequestContext, contractId: string) =>
  loadManyBy(ctx, NonFulfilment, 'contractId', 'openedAt', contractId);
export const partnerEventsOf = (ctx: RequestContext, contractId: string) =>
  loadManyBy(ctx, PartnerEvent, 'contractId', 'occurredOn', contractId);

/** The production calendar, read once per request. */
export const calendarOf = (ctx: RequestContext): Promise<WorkingCalendar> =>
  ctx
    .loader<string, WorkingCalendar>('calendar', async (keys, em) => {
      const cal = await loadWorkingCalendar(em);
      return keys.map(() => cal);
    })
    .load('all');

/** Regional parameters in force on a day, read once per region and day per request. */
export const paramsOn = (ctx: RequestContext, region: string, on: string): Promise<RegionalParameters> =>
  ctx
    .loader<string, RegionalParameters>('params-on', (keys, em) =>
      Promise.all(
        keys.map((k) => {
          const [r, d] = k.split('|');
          return loadParameters(em, r!, d!);
        }),
      ),
    )
    .load(`${region}|${on}`);

/** Regional parameters in force today, read once per region per request. */
export const paramsOf = (ctx: RequestContext, region: string): Promise<RegionalParameters> =>
  paramsOn(ctx, region, todayOf(ctx));
