import type { EntityManager, EntityName } from '@mikro-orm/core';
import { referralExpiredV1, referralInServiceV1, referralResultV1, referralReturnedV1 } from '@sc/contracts';
import {
  dateOf,
  type Agency,
  type OutgoingReferral,
  type ReceivedReferral,
  type ReferralOutcome,
  type ReferralStatus,
} from '@sc/kernel';
import type { AccessRule } from '@sc/auth';
import { findCase, inChange, type CaseContext } from './change';
import { listPage, whereOf, type Connection, type ListOrder, type PageArgs } from './connection';
import type { Read } from './read';
import { todayOf, type RequestContext, type ServiceDeps } from './context';
import type { JobContext, ScheduledJob } from './scheduler';

/**
 * The receiver's side of the referral lifecycle (DOMAIN.md §4.4), written
 * once for ЦСПН, ЦЗН and КЦСОН: each step changes the receiver's copy and
 * puts the message that moves the sender's copy in the same transaction.
 */
const base = (r: ReceivedReferral, receiverAgency: Agency) => ({
  referralId: r.id,
  citizenId: r.citizenId,
  referralType: r.type,
  senderAgency: r.fromAgency,
  receiverAgency,
});

export interface ReferralProgress {
  /** The citizen came: the case serving them is `receiverCaseId`. */
  appeared?: boolean;
  /** The receiver's answer is ready. */
  result?: { outcome: ReferralOutcome; summary?: string | null };
}

/**
 * A receiver's case moved on: the referrals it serves learn that the citizen
 * appeared and, when the case has its answer, the result. Called by the
 * receiver's use cases after their change; a step already taken sends
 * nothing, so calling it on every change of the case is safe.
 */
export async function advanceReceivedReferrals<R extends ReceivedReferral>(
  tx: EntityManager,
  deps: ServiceDeps,
  a: { entity: EntityName<R>; receiverAgency: Agency; receiverCaseId: string; progress: ReferralProgress; at: Date },
): Promise<void> {
  const open = (await tx.find(a.entity, { receiverCaseId: a.receiverCaseId } as never)) as R[];
  for (const r of open) await advance(tx, deps, r, a);
}

/** The same for one referral whose case is only now known (ЦЗН: the registration that links it). */
export async function advance<R extends ReceivedReferral>(
  tx: EntityManager,
  deps: ServiceDeps,
  r: R,
  a: { receiverAgency: Agency; receiverCaseId: string; progress: ReferralProgress; at: Date },
): Promise<void> {
  const caseId = a.receiverCaseId;
  if ((a.progress.appeared || a.progress.result) && r.citizenAppeared(caseId, a.at)) {
    await deps.outbox.enqueue(tx, referralInServiceV1, r.citizenId, {
      ...base(r, a.receiverAgency),
      receiverCaseId: caseId,
      inServiceAt: a.at.toISOString(),
    });
  }
  const result = a.progress.result;
  if (result && r.sendResult({ receiverCaseId: caseId, ...result, at: a.at })) {
    await deps.outbox.enqueue(tx, referralResultV1, r.citizenId, {
      ...base(r, a.receiverAgency),
      receiverCaseId: caseId,
      outcome: result.outcome,
      summary: r.resultSummary ?? undefined,
      resultAt: a.at.toISOString(),
    });
  }
  await tx.flush();
}

/** The receiver returns a referral (wrong addressee, incomplete) with its reason; the sender hears of it. */
export async function returnReceivedReferral(
  tx: EntityManager,
  deps: ServiceDeps,
  r: ReceivedReferral,
  a: { receiverAgency: Agency; reason: string; by: string; at: Date },
): Promise<void> {
  r.returnWith(a.reason, a.by, a.at);
  await tx.flush();
  await deps.outbox.enqueue(tx, referralReturnedV1, r.citizenId, {
    referralId: r.id,
    citizenId: r.citizenId,
    senderAgency: r.fromAgency,
    receiverAgency: a.receiverAgency,
    reason: r.returnReason!,
    returnedAt: a.at.toISOString(),
  });
}

/**
 * «Вернуть направление», the receiver's use case in every agency: the
 * referral of the caller's territory is returned with its reason (the
 * sender hears it), then `also` closes what the service opened for it.
 */
export function returnReferral<R extends ReceivedReferral>(
  ctx: CaseContext,
  o: {
    operation: string;
    rule: AccessRule;
    entity: new () => R;
    receiverAgency: Agency;
    also?: (tx: EntityManager, r: R, at: Date) => Promise<void>;
  },
  i: { referralId: string; reason: string },
): Promise<R> {
  return inChange(ctx, o.operation, o.rule, async (tx, c) => {
    const r = await findCase(tx, c, o.entity, i.referralId, 'input.referralId');
    await returnReceivedReferral(tx, ctx.deps, r, {
      receiverAgency: o.receiverAgency,
      reason: i.reason,
      by: c.by,
      at: c.now,
    });
    await o.also?.(tx, r, c.now);
    c.audit(r, o.entity.name, r.id);
    return r;
  });
}

/**
 * Referral expiry, the receiver's side: a referral accepted whose citizen
 * has not appeared by its `appearanceDueOn` (REFERRAL_APPEARANCE_WORKING_DAYS_<type>
 * working days from receipt) is EXPIRED, and the sender told. Once per
 * referral. Every morning at 08:15 local time.
 */
export function referralExpiryJob<R extends ReceivedReferral>(o: {
  name: string;
  agency: Agency;
  entity: EntityName<R>;
  /** More to do in the same transaction (ЦСПН closes the application nobody came to). */
  also?: (tx: EntityManager, r: R, ctx: JobContext) => Promise<void>;
}): ScheduledJob {
  return { name: o.name, cron: '15 8 * * *', run: (ctx) => expireReferrals(ctx, o) };
}

async function expireReferrals<R extends ReceivedReferral>(
  ctx: JobContext,
  o: Parameters<typeof referralExpiryJob<R>>[0],
): Promise<void> {
  const today = dateOf(ctx.now);
  const em = ctx.deps.orm.em.fork();
  const due = (await em.find(o.entity, { status: 'ACCEPTED', appearanceDueOn: { $lt: today } } as never)) as R[];
  let expired = 0;
  for (const { id } of due) {
    const made = await ctx.once(`${id}:EXPIRED`, async (tx) => {
      const r = (await tx.findOne(o.entity, { id } as never)) as R | null;
      if (!r?.expireIfDue(today, ctx.now)) return;
      await tx.flush();
      await ctx.deps.outbox.enqueue(tx, referralExpiredV1, r.citizenId, {
        ...base(r, o.agency),
        appearanceDueOn: r.appearanceDueOn!,
        expiredAt: ctx.now.toISOString(),
      });
      await o.also?.(tx, r, ctx);
    });
    if (made) expired++;
  }
  if (expired) ctx.log.info({ expired }, 'referrals expired: the citizen did not appear');
}

/** The fields every sender's referral type resolves alike: the citizen reference, the breach as of today. */
export const outgoingReferralFields = {
  citizen: (r: OutgoingReferral) => ({ id: r.citizenId }),
  breach: (r: OutgoingReferral, _a: unknown, ctx: RequestContext) => r.breachOn(todayOf(ctx)),
};

/**
 * A worklist page of referrals — received or sent — in the caller's
 * territory: filtered by status and district, in the given order.
 */
export const referralPage =
  <T extends { id: string }>(entity: new () => T, order: ListOrder<T>) =>
  (
    f: { status?: ReferralStatus[] | string[] | null; territory?: string | null } | null | undefined,
    page: PageArgs,
  ): Read<Connection<T>> =>
  ({ em, within }) =>
    listPage(
      em,
      entity,
      { ...within(f?.territory, 'filter.territory'), ...whereOf({ status: f?.status }) },
      order,
      page,
    );

/** Входящие направления of the caller's territory, newest first (a worklist page): whom to expect, who came. */
export const listReceivedReferrals = <R extends ReceivedReferral>(entity: new () => R, list: string) =>
  referralPage(entity, { list, sortBy: 'receivedAt', direction: 'desc' });
