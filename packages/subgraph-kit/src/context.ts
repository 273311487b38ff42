import DataLoader from 'dataloader';
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import type { Principal } from '@sc/auth';
import { dateOf, type Clock, type IsoDate } from '@sc/kernel';
import { type Logger } from '@sc/runtime';
import type { Outbox } from '@sc/messaging';
import type { ReadAudit } from './audit';
import type { CitizenDirectory } from './citizen-directory';
import type { WorkNorms } from './work-log';
import type { ServiceConfig } from './service-config';

/** What use cases get: the service's long-lived dependencies. */
export interface ServiceDeps {
  config: ServiceConfig;
  orm: MikroORM;
  outbox: Outbox;
  directory: CitizenDirectory;
  log: Logger;
  /** The service's time source (tests inject a ManualClock). */
  clock: Clock;
  /** The case workers' time norms (хронометраж), when the service has them. */
  workNorms?: WorkNorms;
  /** The service's timed checks, when it has any (set once the scheduler exists; see scheduler.ts). */
  scheduler?: { readonly jobNames: string[]; readonly running: boolean; runNow(name: string): Promise<string> };
}

/** One per GraphQL request: its own EntityManager fork, principal, loaders and read audit. */
export interface RequestContext {
  principal: Principal;
  em: EntityManager;
  deps: ServiceDeps;
  audit: ReadAudit;
  requestId: string;
  log: Logger;
  loader<K, V>(
    name: string,
    batch: (keys: readonly K[], em: EntityManager) => Promise<(V | Error)[]>,
  ): DataLoader<K, V>;
}

export function loaderRegistry(em: EntityManager): RequestContext['loader'] {
  const loaders = new Map<string, DataLoader<any, any>>();
  return (name, batch) => {
    let l = loaders.get(name);
    if (!l) loaders.set(name, (l = new DataLoader((keys) => batch(keys, em))));
    return l;
  };
}

/** Today's date for this request, from the service's clock. */
export const todayOf = (ctx: RequestContext): IsoDate => dateOf(ctx.deps.clock.now());

/** Batched load of one entity by id (null when missing). */
export function loadById<T extends { id: string }>(
  ctx: RequestContext,
  entity: new () => T,
  id: string,
): Promise<T | null> {
  return ctx
    .loader<string, T | null>(`${entity.name}:by-id`, async (ids, em) => {
      const rows = (await em.find(entity, { id: { $in: [...ids] } } as never)) as T[];
      const m = new Map(rows.map((r) => [r.id, r]));
      return ids.map((i) => m.get(i) ?? null);
    })
    .load(id);
}

/** Batched load of the entities whose `field` equals `key`, newest first by `orderBy`. */
export function loadManyBy<T>(
  ctx: RequestContext,
  entity: new () => T,
  field: keyof T & string,
  orderBy: keyof T & string,
  key: string,
): Promise<T[]> {
  return ctx
    .loader<string, T[]>(`${entity.name}:by-${field}`, async (keys, em) =>
      groupBy(
        keys,
        (await em.find(entity, { [field]: { $in: [...keys] } } as never, {
          orderBy: { [orderBy]: 'desc' } as never,
        })) as T[],
        (r) => r[field] as string,
      ),
    )
    .load(key);
}

/** Groups rows by a key in the order DataLoader asked for. */
export function groupBy<K, V>(keys: readonly K[], rows: V[], keyOf: (v: V) => K): V[][] {
  const m = new Map<K, V[]>();
  for (const r of rows) {
    const k = keyOf(r);
    let list = m.get(k);
    if (!list) m.set(k, (list = []));
    list.push(r);
  }
  return keys.map((k) => m.get(k) ?? []);
}
export interface CitizenRef {
  id: string;
}
