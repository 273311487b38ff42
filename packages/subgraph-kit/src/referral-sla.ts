import type { EntityManager } from '@mikro-orm/core';
import { referralOverdueV1 } from '@sc/contracts';
import {
  dateOf,
  isSlaReferralType,
  OutgoingReferral,
  referralDeadlines,
  uuidv7,
  type Agency,
  type IsoDate,
  type ReferralDeadlineCode,
  type ReferralDueDates,
  type WorkingCalendar,
} from '@sc/kernel';
import { handler, type MessageHandler } from '@sc/messaging';
import { notify, recipientKey, storeNotification } from './notifications';
import type { JobContext, ScheduledJob } from './scheduler';
import { loadWorkingCalendar } from './working-calendar.store';

/** A service's regional parameters in force on a day, as far as the referral deadlines go. */
export type ReferralDeadlineParameters = (
  em: EntityManager,
  region: string,
  on: IsoDate,
) => Promise<{ get(code: ReferralDeadlineCode): number }>;

/**
 * The due dates of a referral sent now: REFERRAL_ACCEPTANCE / RESULT_WORKING_DAYS_<type>
 * in force on the day it is sent, counted on the region's working calendar.
 */
export async function referralDueDates(
  em: EntityManager,
  parameters: ReferralDeadlineParameters,
  region: string,
  type: string,
  sentAt: Date,
): Promise<{ acceptanceDueOn: IsoDate; resultDueOn: IsoDate } | undefined> {
  if (!isSlaReferralType(type)) return undefined;
  const on = dateOf(sentAt);
  const [params, calendar] = await Promise.all([parameters(em, region, on), loadWorkingCalendar(em)]);
  const { acceptanceDueOn, resultDueOn } = referralDeadlines(type, on, params, calendar);
  return { acceptanceDueOn, resultDueOn };
}

/**
 * The due dates of a referral as kept, or — for one sent before they were
 * kept — as the parameters in force today make them.
 */
export function dueDatesOf(
  r: OutgoingReferral,
  params: { get(code: ReferralDeadlineCode): number },
  calendar: WorkingCalendar,
): ReferralDueDates {
  if (r.acceptanceDueOn || !isSlaReferralType(r.type)) return r;
  return referralDeadlines(r.type, dateOf(r.sentAt), params, calendar);
}

/**
 * Referral SLA, the sender's side: a referral still SENT after its
 * acceptance deadline, or accepted but without a result after its result
 * deadline, is OVERDUE for the specialist who sent it and ESCALATED to the
 * receiving office's HEAD — whose agency keeps it in the HEAD's list
 * (`foreignNotificationHandlers`). Once per referral and breach. Hourly in
 * office hours, Monday to Friday.
 */
export function referralSlaJob(o: {
  name: string;
  agency: Agency;
  parameters: ReferralDeadlineParameters;
}): ScheduledJob {
  return { name: o.name, cron: '0 8-18 * * 1-5', run: (ctx) => checkReferralSla(ctx, o) };
}

async function checkReferralSla(ctx: JobContext, o: Parameters<typeof referralSlaJob>[0]): Promise<void> {
  const em = ctx.deps.orm.em.fork();
  const today = dateOf(ctx.now);
  const [params, calendar] = await Promise.all([
    o.parameters(em, ctx.deps.config.region, today),
    loadWorkingCalendar(em),
  ]);
  const open = await em.find(
    OutgoingReferral,
    { status: { $in: ['SENT', 'ACCEPTED', 'IN_SERVICE'] } },
    { orderBy: { sentAt: 'asc' } },
  );
  for (const r of open) {
    const due = dueDatesOf(r, params, calendar);
    const breach = r.breachOn(today, due);
    if (breach) await escalate(ctx, o.agency, r, breach, due);
  }
}

async function escalate(
  ctx: JobContext,
  agency: Agency,
  r: OutgoingReferral,
  breach: 'ACCEPTANCE' | 'RESULT',
  due: ReferralDueDates,
): Promise<void> {
  const base = {
    referralId: r.id,
    referralType: r.type,
    fromAgency: agency,
    toAgency: r.toAgency,
    territory: r.territory,
    sentAt: r.sentAt.toISOString(),
    acceptanceDue: due.acceptanceDueOn!,
    ...(breach === 'RESULT' ? { breach, resultDue: due.resultDueOn! } : { breach }),
    detectedAt: ctx.now.toISOString(),
  };
  // The acceptance breach keeps the key it had before result deadlines existed: nothing is announced twice.
  await ctx.once(breach === 'ACCEPTANCE' ? `${r.id}:OVERDUE` : `${r.id}:RESULT:OVERDUE`, async (tx) => {
    await notify(tx, ctx.deps, referralOverdueV1, {
      ...base,
      notificationId: uuidv7(ctx.now.getTime()),
      stage: 'OVERDUE',
      recipient: { subject: r.createdBy, agency },
    });
    // The receiving agency keeps the escalation in its HEAD's list when it consumes this message.
    const head = { role: 'HEAD' as const, agency: r.toAgency, territory: r.territory };
    await ctx.deps.outbox.enqueue(tx, referralOverdueV1, recipientKey(head), {
      ...base,
      notificationId: uuidv7(ctx.now.getTime()),
      stage: 'ESCALATED',
      recipient: head,
    });
  });
}

/** Notifications other agencies address to this one's staff (an escalated referral): kept for their lists. */
export const foreignNotificationHandlers = (agency: Agency): MessageHandler[] => [
  handler({
    message: referralOverdueV1,
    accepts: (d) => d.recipient.agency === agency && d.fromAgency !== agency,
    async handle(d, { em }) {
      await storeNotification(em, referralOverdueV1.type, d);
    },
  }),
];
