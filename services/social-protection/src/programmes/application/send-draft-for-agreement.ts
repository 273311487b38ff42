import type { EntityManager } from '@mikro-orm/core';
import { programmeDraftForAgreementV1 } from '@sc/contracts';
import { personDataOf, type ServiceDeps } from '@sc/subgraph-kit';
import type { AdaptationProgramme } from '../domain/adaptation-programme';
import { PROGRAMME_PARTNERS } from '../domain/programme-agreement';
import { assignedActivityOf } from '../domain/psa-activity';

/**
 * M7 (drafting): the current revision to each partner asked to agree it,
 * with the activities that partner would carry out and the person, so the
 * partner's specialist knows whom the plan is for. Staged in the caller's
 * transaction (outbox), keyed by the citizen.
 */
export async function sendDraftForAgreement(
  deps: ServiceDeps,
  tx: EntityManager,
  prog: AdaptationProgramme,
  now: Date,
): Promise<void> {
  const asked = prog.currentAgreements();
  const partners = PROGRAMME_PARTNERS.filter((p) => asked.some((a) => a.party === p));
  if (!partners.length) return;
  const citizen = await deps.directory.get(tx, prog.citizenId);
  for (const toAgency of partners) {
    await deps.outbox.enqueue(tx, programmeDraftForAgreementV1, prog.citizenId, {
      programmeId: prog.id,
      revision: prog.revision,
      applicationId: prog.applicationId,
      citizenId: prog.citizenId,
      person: personDataOf(citizen),
      territory: prog.territory,
      toAgency,
      direction: prog.direction,
      termMonths: prog.termMonths,
      plannedStart: prog.plannedStart,
      plannedEnd: prog.plannedEnd,
      activities: prog.activities.filter((a) => a.responsibleAgency === toAgency).map(assignedActivityOf),
      answerBy: asked.find((a) => a.party === toAgency)!.answerBy!,
      sentAt: now.toISOString(),
    });
  }
}
