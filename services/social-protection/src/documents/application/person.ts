import type { EntityManager } from '@mikro-orm/core';
import { ruDate } from '@sc/documents';
import type { ServiceDeps } from '@sc/subgraph-kit';

/** The person a document names, as ЦСПН holds them. */
export interface NamedPerson {
  fullName: string;
  birthDate: string;
}

export async function namedPerson(em: EntityManager, deps: ServiceDeps, citizenId: string): Promise<NamedPerson> {
  const p = await deps.directory.get(em, citizenId);
  return {
    fullName: [p.lastName, p.firstName, p.middleName].filter(Boolean).join(' '),
    birthDate: ruDate(p.birthDate),
  };
}
