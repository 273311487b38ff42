import type { EntityManager } from '@mikro-orm/core';
import { listPage, whereOf, type Connection, type PageArgs, type Read } from '@sc/subgraph-kit';
import type { UrgentServiceAct } from '../domain/urgent-service-act';
import { UrgentServiceCase } from '../domain/urgent-service-case';
import { UrgentServiceTypeRecord } from '../domain/urgent-service-type';

export const findUrgentServiceCase =
  (id: string): Read<UrgentServiceCase | null> =>
  ({ em }) =>
    em.findOne(UrgentServiceCase, { id });

/** Перечень срочных социальных услуг, by code. */
export const urgentServiceCatalogue =
  (): Read<UrgentServiceTypeRecord[]> =>
  ({ em }) =>
    em.find(UrgentServiceTypeRecord, {}, { orderBy: { code: 'asc' } });

/** Does the act still match its content hash and signature? The signature image is loaded only to check it. */
export async function isActIntact(em: EntityManager, act: UrgentServiceAct): Promise<boolean> {
  if (act.signatureSha256) await em.populate(act, ['signatureImage'] as never);
  return act.verify();
}

/** Срочные социальные услуги of the caller's territory, newest request first (a worklist page). */
export const listUrgentServiceCases =
  (
    f:
      | { status?: string[] | null; assignedTo?: string | null; channel?: string | null; territory?: string | null }
      | null
      | undefined,
    page: PageArgs,
  ): Read<Connection<UrgentServiceCase>> =>
  ({ em, within }) =>
    listPage(
      em,
      UrgentServiceCase,
      {
        ...within(f?.territory, 'filter.territory'),
        ...whereOf({ status: f?.status, assignedTo: f?.assignedTo, channel: f?.channel }),
      },
      { list: 'urgentServiceCases', sortBy: 'requestedAt', direction: 'desc' },
      page,
    );
