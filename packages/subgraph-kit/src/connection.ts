import type { EntityManager } from '@mikro-orm/core';
import { ValidationError } from '@sc/kernel';
import { boundedArg } from './read';

/** Relay's page arguments: `first` (1–200, default 50) and the `after` cursor of the previous page. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/** Relay's PageInfo. Lists page forward only: a page reached by a cursor has rows before it. */
export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Connection<T> {
  edges: { node: T; cursor: string }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** The page's info from its edges, whether one more row was found, and whether it was reached by `after`. */
export function pageInfoOf(edges: readonly { cursor: string }[], hasNextPage: boolean, after: unknown): PageInfo {
  return {
    hasNextPage,
    hasPreviousPage: after != null,
    startCursor: edges.at(0)?.cursor ?? null,
    endCursor: edges.at(-1)?.cursor ?? null,
  };
}

export const MAX_PAGE_SIZE = 200;

/** How a list is ordered: one non-null column, then the id, both in `direction`. */
export interface ListOrder<T> {
  /** Names the list in its cursors, so a cursor of another list is refused. */
  list: string;
  sortBy: keyof T & string;
  direction: 'asc' | 'desc';
}

interface CursorBody {
  l: string;
  v: string | number;
  id: string;
  /** The sort value was a Date (sent as ISO text). */
  d?: 1;
}

const encode = (b: CursorBody) => Buffer.from(JSON.stringify(b)).toString('base64url');

function decode(cursor: string, list: string): CursorBody {
  let b: CursorBody | undefined;
  try {
    b = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as CursorBody;
  } catch {
    b = undefined;
  }
  if (!b || b.l !== list || typeof b.id !== 'string' || !['string', 'number'].includes(typeof b.v))
    throw new ValidationError('after', 'CURSOR', `not a cursor of the list ${list}`);
  return b;
}

/**
 * One page of a list, by keyset: rows after the cursor's (sort value, id) in a
 * stable order, one more than asked to know whether a next page exists, and
 * the total under the same filter. A page deep in the list costs the same
 * index range scan as the first one (no OFFSET).
 */
export async function listPage<T extends { id: string }>(
  em: EntityManager,
  entity: new () => T,
  where: object,
  order: ListOrder<T>,
  args: PageArgs,
): Promise<Connection<T>> {
  const first = boundedArg(args.first, 'first', 50, MAX_PAGE_SIZE);
  const after = args.after ? decode(args.after, order.list) : null;
  const op = order.direction === 'asc' ? '$gt' : '$lt';
  const { sortBy } = order;
  const from = after ? (after.d ? new Date(after.v) : after.v) : null;
  const keyset = after ? { $or: [{ [sortBy]: { [op]: from } }, { [sortBy]: from, id: { [op]: after.id } }] } : {};
  const [rows, totalCount] = await Promise.all([
    em.find(entity, { $and: [where, keyset] } as never, {
      orderBy: { [sortBy]: order.direction, id: order.direction } as never,
      limit: first + 1,
    }),
    em.count(entity, where as never),
  ]);
  const page = (rows as T[]).slice(0, first);
  const cursorOf = (r: T): string => {
    const v = r[sortBy] as unknown;
    return v instanceof Date
      ? encode({ l: order.list, v: v.toISOString(), id: r.id, d: 1 })
      : encode({ l: order.list, v: v as string | number, id: r.id });
  };
  const edges = page.map((node) => ({ node, cursor: cursorOf(node) }));
  return {
    edges,
    pageInfo: pageInfoOf(edges, rows.length > first, after),
    totalCount,
  };
}

type Condition = string | number | boolean | readonly string[] | { $gte?: string; $lte?: string } | null | undefined;

/**
 * A list's filter from optional conditions: a value means equality, a list
 * "any of" (`$in`), a range its bounds; an absent value (null, undefined, an
 * empty list or range) adds no condition.
 */
export function whereOf(conds: Record<string, Condition>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(conds)) {
    if (v == null) continue;
    if (Array.isArray(v)) {
      if (v.length) out[k] = { $in: v };
    } else if (typeof v === 'object') {
      const r = Object.fromEntries(Object.entries(v).filter(([, x]) => x != null));
      if (Object.keys(r).length) out[k] = r;
    } else out[k] = v;
  }
  return out;
}

/** A range condition for `whereOf`: on or after `from`, on or before `to`. */
export const between = (from?: string | null, to?: string | null) => ({
  $gte: from ?? undefined,
  $lte: to ?? undefined,
});
