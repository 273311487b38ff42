import { NotFoundError } from '@sc/kernel';
import type { HandlerContext } from '@sc/messaging';
import { SYSTEM_PRINCIPAL, writeAudit, type ServiceDeps } from '@sc/subgraph-kit';
import { SocialContract } from '../../contracts/domain/social-contract';
import { RUNNING_STATUSES } from '../../contracts/domain/contract-status';
import {
  applyEmploymentEvent,
  applyServicesDelivered,
  PartnerEvent,
  type EmploymentEvent,
  type ServicesDelivered,
} from '../domain/partner-event';

/**
 * M3 from ЦЗН: recorded once (by event id) and applied to the citizen's
 * contract — the one named, else the one running. An unknown citizen or
 * contract is a domain refusal: the message is dead-lettered with the reason.
 */
export async function applyEmploymentServiceEvent(
  deps: ServiceDeps,
  e: EmploymentEvent,
  ctx: HandlerContext,
): Promise<void> {
  const { em } = ctx;
  if (await em.findOne(PartnerEvent, { id: e.eventId })) return;
  const citizen = await deps.directory.get(em, e.citizenId);
  const contract = e.contractId
    ? await em.findOne(SocialContract, { id: e.contractId, citizenId: citizen.id })
    : await em.findOne(
        SocialContract,
        { citizenId: citizen.id, status: { $in: [...RUNNING_STATUSES] } },
        { orderBy: { concludedAt: 'desc' } },
      );
  if (e.contractId && !contract) throw new NotFoundError('SocialContract', e.contractId, 'contractId');
  const ev = applyEmploymentEvent({ ...e, citizenId: citizen.id }, contract, deps.clock.now());
  em.persist(ev);
  await em.flush();
  await writeAudit(em, SYSTEM_PRINCIPAL('SOCIAL_PROTECTION', 'system:employment-events'), [
    {
      citizenId: citizen.id,
      operation: 'employment.service-event.v1',
      action: 'CHANGE',
      entity: contract ? 'SocialContract' : 'PartnerEvent',
      entityId: contract?.id ?? ev.id,
    },
  ]);
}

/** M6 from КЦСОН: services delivered under a contract, each line applied once. */
export async function applySocialServicesDelivered(
  deps: ServiceDeps,
  r: ServicesDelivered,
  ctx: HandlerContext,
): Promise<void> {
  const { em } = ctx;
  if (await em.findOne(PartnerEvent, { id: `${r.reportId}:0` })) return;
  const citizen = await deps.directory.get(em, r.citizenId);
  const contract = await em.findOne(SocialContract, { id: r.contractId, citizenId: citizen.id });
  if (!contract) throw new NotFoundError('SocialContract', r.contractId, 'contractId');
  for (const ev of applyServicesDelivered({ ...r, citizenId: citizen.id }, contract, deps.clock.now())) em.persist(ev);
  await em.flush();
  await writeAudit(em, SYSTEM_PRINCIPAL('SOCIAL_PROTECTION', 'system:social-service-reports'), [
    {
      citizenId: citizen.id,
      operation: 'social-service.services-delivered.v1',
      action: 'CHANGE',
      entity: 'SocialContract',
      entityId: contract.id,
    },
  ]);
}
