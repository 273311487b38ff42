import type { EntityManager } from '@mikro-orm/core';
import { referralOverdueV1 } from '@sc/contracts';
import { dateOf, OutgoingReferral, uuidv7, type Agency, type IsoDate } from '@sc/kernel';
import { handler, type MessageHandler } from '@sc/messaging';
import { notify, recipientKey, storeNotification } from './notifications';
import type { JobContext, ScheduledJob } from './scheduler';
import { loadWorkingCalendar } from './working-calendar.store';

/**
 * Referral SLA, the sender's side: a referral still SENT after the
 * receiver's acceptance deadline (REFERRAL_ACCEPTANCE_WORKING_DAYS working
 * days from the day it was sent, the region's calendar) is OVERDUE for the
 * specialist who sent it and ESCALATED to the receiving office's HEAD —
 * whose agency keeps it in the HEAD's list (`foreignNotificationHandlers`).
 * Once per referral and stage.
 */
export function referralSlaJob(o: {
  name: string;
  agency: Agency;
  acceptanceDays: (em: EntityManager, region: string, today: IsoDate) => Promise<number>;
}): ScheduledJob {
  return { name: o.name, cron: '0 8-18 * * 1-5', run: (ctx) => checkReferralSla(ctx, o) };
}

async function checkReferralSla(ctx: JobContext, o: Parameters<typeof referralSlaJob>[0]): Promise<void> {
  const em = ctx.deps.orm.em.fork();
  const today = dateOf(ctx.now);
  const [days, calendar] = await Promise.all([
    o.acceptanceDays(em, ctx.deps.config.region, today),
    loadWorkingCalendar(em),
  ]);
  const waiting = await em.find(OutgoingReferral, { status: 'SENT' }, { orderBy: { sentAt: 'asc' } });
  for (const r of waiting) {
    const acceptanceDue = calendar.addWorkingDays(dateOf(r.sentAt), days);
    if (acceptanceDue >= today) continue;
    const base = {
      referralId: r.id,
      referralType: r.type,
      fromAgency: o.agency,
      toAgency: r.toAgency,
      territory: r.territory,
      sentAt: r.sentAt.toISOString(),
      acceptanceDue,
      detectedAt: ctx.now.toISOString(),
    };
    await ctx.once(`${r.id}:OVERDUE`, async (tx) => {
      await notify(tx, ctx.deps, referralOverdueV1, {
        ...base,
        notificationId: uuidv7(ctx.now.getTime()),
        stage: 'OVERDUE',
        recipient: { subject: r.createdBy, agency: o.agency },
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
