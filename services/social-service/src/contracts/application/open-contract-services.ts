import type { contractConcludedForSocialServiceV1, MessageData } from '@sc/contracts';
import { dateOf, unassignedTerritory } from '@sc/kernel';
import type { HandlerContext } from '@sc/messaging';
import { loadWorkingCalendar, SYSTEM_PRINCIPAL, writeAudit, type ServiceDeps } from '@sc/subgraph-kit';
import { AccompanimentCase } from '../../accompaniment/domain/accompaniment-case';
import { loadSocialServiceParameters } from '../../parameters/application/social-service-parameters';
import { UrgentServiceCase } from '../../urgent/domain/urgent-service-case';

/**
 * M5 received (seed 000, «мероприятия КЦСОН после заключения контракта»): a
 * «Семейный навигатор» accompaniment case carrying the activities ЦСПН
 * assigned, and — when asked — an urgent-services case awaiting its
 * immediate decision. Once per contract however often M5 is delivered (the
 * database holds one case per contract too).
 */
export async function openContractServices(
  deps: ServiceDeps,
  m: MessageData<typeof contractConcludedForSocialServiceV1>,
  { em }: HandlerContext,
): Promise<void> {
  if (await em.findOne(AccompanimentCase, { contractId: m.contractId })) return;
  const served = { said: m.territory, otherwise: unassignedTerritory(deps.config.region) };
  const { citizen } = await deps.directory.register(em, m.person, served, m.citizenId);
  const now = deps.clock.now();
  const today = dateOf(now);
  const a = AccompanimentCase.open({
    citizenId: citizen.id,
    territory: citizen.territory,
    programme: 'FAMILY_NAVIGATOR',
    grounds: ['SOCIAL_CONTRACT_HOLDER'],
    evidence: [{ kind: 'PETITION', reference: `ходатайство ЦСПН, контракт ${m.contractNumber}` }],
    appliedOn: today,
    contractId: m.contractId,
    contractEndDate: m.endDate,
    serviceUntil: m.serviceUntil,
    activities: m.activities.map((x) => ({ ...x, reportedOn: null })),
    onPetition: true,
    calendar: await loadWorkingCalendar(em),
    params: await loadSocialServiceParameters(em, deps.config.region, today),
    by: 'system:contracts',
    now,
  });
  em.persist(a);
  if (m.urgentServicesRequested) {
    em.persist(
      UrgentServiceCase.request({
        citizenId: citizen.id,
        territory: citizen.territory,
        anonymous: false,
        channel: 'SOCIAL_PROTECTION_REQUEST',
        contractId: m.contractId,
        notifiedBy: 'ЦСПН',
        identityDocument: `личность установлена ЦСПН при заключении контракта ${m.contractNumber}`,
        circumstances: `ходатайство ЦСПН о срочных социальных услугах по социальному контракту ${m.contractNumber}`,
        by: 'system:contracts',
        now,
      }),
    );
  }
  await em.flush();
  await writeAudit(em, SYSTEM_PRINCIPAL('SOCIAL_SERVICE', 'system:contracts'), [
    {
      citizenId: citizen.id,
      operation: 'contract.concluded-for-social-service.v1',
      action: 'CHANGE',
      entity: 'AccompanimentCase',
      entityId: a.id,
    },
  ]);
}
