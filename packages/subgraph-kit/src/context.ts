import DataLoader from 'dataloader';
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import type { Principal } from '@sc/auth';
import type { Logger } from '@sc/kernel';
import type { Outbox } from '@sc/messaging';
import type { ReadAudit } from './audit';
import type { CitizenDirectory } from './citizen-directory';
import type { ServiceConfig } from './service-config';

/** What use cases get: the service's long-lived dependencies. */
export interface ServiceDeps {
  config: ServiceConfig;
  orm: MikroORM;
  outbox: Outbox;
  directory: CitizenDirectory;
  log: Logger;
}

/** One per GraphQL request: its own EntityManager fork, principal, loaders and read audit. */
export interface RequestContext {
  principal: Principal;
  em: EntityManager;
  deps: ServiceDeps;
  audit: ReadAudit;
  requestId: string;
  log: Logger;
  loader<K, V>(name: string, batch: (keys: readonly K[], em: EntityManager) => Promise<(V | Error)[]>): DataLoader<K, V>;
}

export function loaderRegistry(em: EntityManager): RequestContext['loader'] {
  const loaders = new Map<string, DataLoader<any, any>>();
  return (name, batch) => {
    let l = loaders.get(name);
    if (!l) loaders.set(name, (l = new DataLoader((keys) => batch(keys, em))));
    return l;
  };
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
export interface CitizenRef { id: string }
