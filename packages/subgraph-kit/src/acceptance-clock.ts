import type { EntityManager } from '@mikro-orm/core';
import { authorize, type AccessRule } from '@sc/auth';
import { AcceptanceClock, dateOf, ForbiddenError, regionTimeZone, ValidationError } from '@sc/kernel';
import { execInTx } from '@sc/messaging';
import type { RequestContext } from './context';

export const ACCEPTANCE_CLOCK_SQL: readonly string[] = [
  `create table acceptance_clock (
     service text primary key,
     offset_ms bigint not null check (offset_ms >= 0),
     moved_at timestamptz not null default now(),
     moved_by text not null
   )`,
];

/**
 * Who may move it: an ADMIN of any agency or of the ministry — the organiser
 * of an acceptance run or a training moves the three agencies together with
 * one token (the clock exists only outside production).
 */
export const ACCEPTANCE_CLOCK_RULE: AccessRule = {
  agencies: ['SOCIAL_PROTECTION', 'EMPLOYMENT', 'SOCIAL_SERVICE', 'MINISTRY'],
  roles: ['ADMIN'],
};

const MAX_DAYS = 800; // a contract (up to 12 + 6 months) and 12 months of monitoring after it

/** The offset a service's acceptance clock had before a restart (0 when never moved). */
export async function loadAcceptanceOffset(em: EntityManager, service: string): Promise<number> {
  const rows = (await em
    .getConnection()
    .execute('select offset_ms from acceptance_clock where service = ?', [service])) as Array<{ offset_ms: string }>;
  return rows.length ? Number(rows[0]!.offset_ms) : 0;
}

/**
 * Moves the service's acceptance clock forward and has the scheduler run
 * every timed check at once, so what became due fires now (deadlines,
 * expiries, reminders). FORBIDDEN unless the service runs with
 * ACCEPTANCE_CLOCK=true — which a production configuration refuses.
 */
export async function advanceAcceptanceClock(
  ctx: RequestContext,
  operation: string,
  input: { days: number; hours?: number | null },
): Promise<{ now: Date; today: string; timeZone: string; offsetHours: number }> {
  const clock = ctx.deps.clock;
  if (!(clock instanceof AcceptanceClock))
    throw new ForbiddenError(
      'the acceptance clock is off here (never in production; ACCEPTANCE_CLOCK=true elsewhere)',
      {
        rule: 'ACCEPTANCE_CLOCK_OFF',
      },
    );
  authorize(ctx.principal, ACCEPTANCE_CLOCK_RULE, operation);
  const hours = input.hours ?? 0;
  if (!Number.isInteger(input.days) || input.days < 0 || input.days > MAX_DAYS)
    throw new ValidationError('input.days', 'RANGE', `must be a whole number of days, 0–${MAX_DAYS}`);
  if (!Number.isInteger(hours) || hours < 0 || hours > 23)
    throw new ValidationError('input.hours', 'RANGE', 'must be a whole number of hours, 0–23');
  if (input.days === 0 && hours === 0) throw new ValidationError('input.days', 'POSITIVE', 'move the clock forward');
  const offset = clock.offsetMs + (input.days * 24 + hours) * 3_600_000;
  await ctx.em.transactional((tx) =>
    execInTx(
      tx,
      `insert into acceptance_clock (service, offset_ms, moved_by) values (?, ?, ?)
       on conflict (service) do update set offset_ms = excluded.offset_ms, moved_at = now(), moved_by = excluded.moved_by`,
      [ctx.deps.config.name, offset, ctx.principal.subject],
      'run',
    ),
  );
  clock.setOffset(offset);
  ctx.log.warn({ offsetHours: offset / 3_600_000, by: ctx.principal.subject }, 'acceptance clock moved');
  const s = ctx.deps.scheduler;
  if (s) for (const name of s.jobNames) await s.runNow(name);
  const now = clock.now();
  return { now, today: dateOf(now), timeZone: regionTimeZone(), offsetHours: offset / 3_600_000 };
}
