import type { MessageData, contractStatusChangedV1 } from '@sc/contracts';
import { dateOf, unassignedTerritory, type IsoDate } from '@sc/kernel';
import type { HandlerContext } from '@sc/messaging';
import { inChange, findCase, SYSTEM_PRINCIPAL, writeAudit, type CaseContext, type ServiceDeps } from '@sc/subgraph-kit';
import { CASE_WORK } from '../../access';
import { CONTRACT_HOLDER_CATEGORY, JobSeekerRegistration } from '../../registrations/domain/job-seeker-registration';
import { reportToSocialProtection } from '../../reports/application/report-to-social-protection';
import { ContractSupport, type ConcludedForEmployment, type ContractServiceKind } from '../domain/contract-support';

const system = SYSTEM_PRINCIPAL('EMPLOYMENT', 'system:contracts');

/**
 * M2 received (seed 000, «мероприятия ЦЗН после заключения контракта»): the
 * category is assigned, the petition for the full package accepted, the
 * services opened. Keyed by contract id: a repeated M2 opens nothing twice.
 * A citizen already registered is reported to ЦСПН at once (M3 REGISTERED),
 * so the registration activity of the programme is done.
 */
export async function openContractSupport(
  deps: ServiceDeps,
  m: ConcludedForEmployment,
  { em }: HandlerContext,
): Promise<void> {
  if (await em.findOne(ContractSupport, { id: m.contractId })) return;
  const served = { said: m.territory, otherwise: unassignedTerritory(deps.config.region) };
  const { citizen } = await deps.directory.register(em, m.person, served, m.citizenId);
  const now = deps.clock.now();
  const holder = { citizenId: citizen.id, territory: citizen.territory };
  const support = ContractSupport.open(m, holder, CONTRACT_HOLDER_CATEGORY, dateOf(now), now);
  em.persist(support);
  const active = (await em.find(JobSeekerRegistration, { citizenId: citizen.id })).find((r) => r.isActive());
  if (active) active.category = CONTRACT_HOLDER_CATEGORY;
  await em.flush();
  if (active)
    await reportToSocialProtection(
      deps,
      em,
      citizen.id,
      {
        kind: 'REGISTERED',
        registrationStatus: active.status as 'JOB_SEEKER' | 'UNEMPLOYED',
        occurredOn: active.registeredOn,
      },
      'JOB_SEEKER_REGISTRATION',
      support,
    );
  await writeAudit(em, system, [
    {
      citizenId: citizen.id,
      operation: 'contract.concluded-for-employment.v1',
      action: 'CHANGE',
      entity: 'ContractSupport',
      entityId: support.id,
    },
  ]);
}

/** ЦСПН's contract status changes keep the support case current; a contract ЦЗН never supported is none of its business. */
export async function applyContractStatus(
  m: MessageData<typeof contractStatusChangedV1>,
  { em }: HandlerContext,
): Promise<void> {
  const s = await em.findOne(ContractSupport, { id: m.contractId });
  if (!s) return;
  s.contractStatus = m.status;
  s.endDate = m.endDate;
  await em.flush();
  await writeAudit(em, system, [
    {
      citizenId: s.citizenId,
      operation: 'contract.status-changed.v1',
      action: 'CHANGE',
      entity: 'ContractSupport',
      entityId: s.id,
    },
  ]);
}

/** Услуга оказана (профориентация, социальная адаптация, психологическая поддержка): recorded with date and specialist, reported (M3). */
export function recordContractService(
  ctx: CaseContext,
  i: { contractId: string; kind: ContractServiceKind; deliveredOn: IsoDate; notes?: string | null },
): Promise<ContractSupport> {
  return inChange(ctx, 'recordContractService', CASE_WORK, async (tx, c) => {
    const s = await findCase(tx, c, ContractSupport, i.contractId, 'input.contractId');
    s.deliverService(i.kind, i.deliveredOn, c.today, c.by, i.notes);
    await tx.flush();
    await reportToSocialProtection(
      ctx.deps,
      tx,
      s.citizenId,
      { kind: 'SERVICE_DELIVERED', service: i.kind, occurredOn: i.deliveredOn },
      i.kind,
      s,
    );
    c.audit(s, 'ContractSupport', s.id);
    return s;
  });
}
