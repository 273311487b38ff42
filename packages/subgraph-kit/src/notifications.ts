import type { EntityManager } from '@mikro-orm/core';
import type { MessageInput, MessageType } from '@sc/contracts';
import { ValidationError, isUuid, territoryScope, type Agency } from '@sc/kernel';
import { boundedArg, type Read } from './read';
import { pageInfoOf, type PageInfo } from './connection';
import { authorize, type AccessRule } from '@sc/auth';
import type { RequestContext, ServiceDeps } from './context';
import { appendRows } from '@sc/messaging';

/** Whom a notification is for: a person (token subject) or a role at an office (its territory covers the user's). */
export type Recipient = { subject: string; agency: Agency } | { role: string; agency: Agency; territory: string };

interface NotificationData {
  notificationId: string;
  recipient: Recipient;
}

/** Raw SQL in the caller's transaction when there is one (knex expands an array bound to `in (?)`). */
const execute = <T = unknown>(em: EntityManager, sql: string, params: unknown[] = []): Promise<T> =>
  (em.getConnection() as unknown as { execute(q: string, p: unknown[], m: 'all', ctx: unknown): Promise<T> }).execute(
    sql,
    params,
    'all',
    em.getTransactionContext(),
  );

/**
 * Which notifications are a user's at this agency: addressed to them, or to
 * one of their roles at an office their territory covers. (A token without
 * roles matches no role-addressed notification: the list is never empty.)
 */
function visibleTo(
  p: { subject: string; roles: readonly string[]; territory: string },
  agency: Agency,
): { sql: string; params: unknown[] } {
  return {
    sql: `agency = ? and (recipient_subject = ? or (recipient_role in (?) and recipient_territory like ?))`,
    params: [agency, p.subject, p.roles.length ? [...p.roles] : ['-'], `${territoryScope(p.territory)}%`],
  };
}

export const NOTIFICATION_SQL: readonly string[] = [
  `create table notification (
     id uuid primary key,
     type text not null,
     agency text not null,
     recipient_subject text,
     recipient_role text,
     recipient_territory char(8),
     payload jsonb not null,
     created_at timestamptz not null default now(),
     check ((recipient_subject is null) <> (recipient_role is null))
   )`,
  `create index notification_subject_idx on notification (recipient_subject, created_at desc) where recipient_subject is not null`,
  `create index notification_role_idx on notification (recipient_role, recipient_territory, created_at desc) where recipient_role is not null`,
  // Read marks per user: a notification to a role is read by each of its people separately.
  `create table notification_read (
     notification_id uuid not null references notification (id),
     subject text not null,
     read_at timestamptz not null default now(),
     primary key (notification_id, subject)
   )`,
];

/**
 * Sends a notification: the message on sc.notifications.v1 (for integrators
 * that deliver it by e-mail, SMS or a portal) and the row the addressee's
 * list shows — in the caller's transaction, so both commit with the change
 * or the scheduled effect that made them.
 */
export async function notify<M extends MessageType>(
  em: EntityManager,
  deps: ServiceDeps,
  message: M,
  data: MessageInput<M> & NotificationData,
): Promise<void> {
  await deps.outbox.enqueue(em, message, recipientKey(data.recipient), data);
  await storeNotification(em, message.type, data);
}

/** The Kafka key of a notification: the person, or `agency:role:territory` (one partition per addressee). */
export const recipientKey = (r: Recipient): string =>
  'subject' in r ? r.subject : `${r.agency}:${r.role}:${r.territory}`;

/** The row an addressee's list shows (also for a notification another agency sent here); once per id. */
export async function storeNotification(em: EntityManager, type: string, data: NotificationData): Promise<void> {
  const r = data.recipient;
  await appendRows(em, {
    head: 'insert into notification (id, type, agency, recipient_subject, recipient_role, recipient_territory, payload)',
    row: '(?, ?, ?, ?, ?, ?, ?)',
    tail: 'on conflict (id) do nothing',
    rows: [
      [
        data.notificationId,
        type,
        r.agency,
        'subject' in r ? r.subject : null,
        'role' in r ? r.role : null,
        'role' in r ? r.territory : null,
        JSON.stringify(data),
      ],
    ],
  });
}

interface Row {
  id: string;
  type: string;
  payload: Record<string, unknown>;
  created_at: Date | string;
  read: boolean;
}

/**
 * The caller's notifications at this agency, newest first: those addressed
 * to them and those addressed to one of their roles at an office their
 * territory covers. A Relay connection (cursor: creation time and id).
 */
export const myNotifications =
  (a: { unreadOnly?: boolean | null; first?: number | null; after?: string | null }): Read<NotificationPage> =>
  async ({ em, principal, deps }) => {
    const first = boundedArg(a.first, 'first', 50, 200);
    const after = a.after ? decodeCursor(a.after) : null;
    const { sql: mine, params } = visibleTo(principal, deps.outbox.agency);
    const unread =
      a.unreadOnly === false
        ? ''
        : 'and not exists (select 1 from notification_read r where r.notification_id = n.id and r.subject = ?)';
    if (unread) params.push(principal.subject);
    const keyset = after ? 'and (n.created_at, n.id) < (?::timestamptz, ?::uuid)' : '';
    const rows = await execute<Row[]>(
      em,
      `select n.id, n.type, n.payload, n.created_at,
              exists (select 1 from notification_read r where r.notification_id = n.id and r.subject = ?) as read
         from notification n where ${mine} ${unread} ${keyset}
        order by n.created_at desc, n.id desc limit ?`,
      [principal.subject, ...params, ...(after ? [after.at, after.id] : []), first + 1],
    );
    const [{ n }] = await execute<[{ n: string }]>(
      em,
      `select count(*) as n from notification n where ${mine} ${unread}`,
      params,
    );
    const edges = rows.slice(0, first).map((r) => ({ node: notificationView(r), cursor: encodeCursor(r) }));
    return {
      edges,
      totalCount: Number(n),
      pageInfo: pageInfoOf(edges, rows.length > first, after),
    };
  };

/** The mutation: authorised by the service's rule, then {@link markNotificationsRead} for the caller. */
export function markMyNotificationsRead(
  ctx: RequestContext,
  rule: AccessRule,
  operation: string,
  ids: readonly string[],
): Promise<number> {
  authorize(ctx.principal, rule, operation);
  return markNotificationsRead(ctx.em, ctx.principal, ctx.deps.outbox.agency, ids);
}

/** Marks the caller's notifications read; an id that is not theirs is refused and nothing is marked. */
export async function markNotificationsRead(
  em: EntityManager,
  p: { subject: string; roles: readonly string[]; territory: string },
  agency: Agency,
  ids: readonly string[],
): Promise<number> {
  if (ids.length === 0 || ids.length > 200)
    throw new ValidationError('input.ids', 'RANGE', 'mark 1 to 200 notifications at once');
  ids.forEach((id, i) => {
    if (!isUuid(id)) throw new ValidationError(`input.ids[${i}]`, 'UUID', 'must be a notification id (UUID)');
  });
  return em.transactional(async (tx) => {
    const mine = visibleTo(p, agency);
    const visible = await execute<{ id: string }[]>(tx, `select id from notification where id in (?) and ${mine.sql}`, [
      [...ids],
      ...mine.params,
    ]);
    const seen = new Set(visible.map((v) => v.id));
    const i = ids.findIndex((id) => !seen.has(id));
    if (i >= 0) throw new ValidationError(`input.ids[${i}]`, 'NOT_YOURS', 'no notification of yours has this id');
    for (const id of new Set(ids))
      await execute(
        tx,
        `insert into notification_read (notification_id, subject) values (?, ?) on conflict do nothing`,
        [id, p.subject],
      );
    return seen.size;
  });
}

export interface NotificationView {
  id: string;
  type: string;
  text: string;
  createdAt: Date;
  read: boolean;
  stage: string | null;
  dueDate: string | null;
  caseType: string | null;
  caseId: string | null;
  territory: string | null;
}

interface NotificationPage {
  edges: { node: NotificationView; cursor: string }[];
  totalCount: number;
  pageInfo: PageInfo;
}

function notificationView(r: Row): NotificationView {
  const d = r.payload as Record<string, any>;
  return {
    id: r.id,
    type: r.type,
    text: textOf(r.type, d),
    createdAt: new Date(r.created_at),
    read: r.read,
    stage: d.stage ?? null,
    // A referral's breach: the day missed, and the referral itself as the case.
    dueDate: d.dueDate ?? d.neededFrom ?? d.resultDue ?? d.acceptanceDue ?? null,
    caseType: d.caseType ?? null,
    caseId: d.caseId ?? d.referralId ?? null,
    territory: d.territory ?? d.recipient?.territory ?? null,
  };
}

/** What the user reads, in Russian (no personal data: the case opens through the gateway). */
function textOf(type: string, d: Record<string, any>): string {
  switch (type) {
    case 'notification.deadline.v1':
      return `${d.description}: срок ${d.dueDate} ${d.stage === 'MISSED' ? 'пропущен' : 'наступает'}`;
    case 'notification.case-assigned.v1':
      return `Вам назначено дело (${d.caseType})`;
    case 'notification.referral-received.v1':
      return `Получено направление (${d.referralType}) — дело ${d.caseType} ждёт назначения ответственного`;
    case 'notification.referral-overdue.v1':
      if (d.breach === 'RESULT')
        return d.stage === 'ESCALATED'
          ? `По направлению (${d.referralType}) из другого ведомства нет результата в срок (${d.resultDue}): сообщите его`
          : `По вашему направлению (${d.referralType}) нет результата в срок (${d.resultDue})`;
      return d.stage === 'ESCALATED'
        ? `Направление (${d.referralType}) из другого ведомства не принято в срок (${d.acceptanceDue}): примите его`
        : `Ваше направление (${d.referralType}) не принято в срок (${d.acceptanceDue})`;
    case 'notification.parameter-missing.v1':
      return `Не введён прожиточный минимум на ${d.year} год (${(d.missing as string[]).join(', ')}): нужен с ${d.neededFrom}`;
    default:
      return type;
  }
}

const encodeCursor = (r: Row) =>
  Buffer.from(JSON.stringify({ at: new Date(r.created_at).toISOString(), id: r.id })).toString('base64url');

function decodeCursor(c: string): { at: string; id: string } {
  try {
    const v = JSON.parse(Buffer.from(c, 'base64url').toString('utf8')) as { at: string; id: string };
    if (typeof v.at === 'string' && !Number.isNaN(Date.parse(v.at)) && isUuid(v.id)) return v;
  } catch {
    // refused below
  }
  throw new ValidationError('after', 'CURSOR', 'not a cursor of the notifications list');
}
