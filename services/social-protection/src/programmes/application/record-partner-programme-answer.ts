import type { MessageData, programmeAgreementAnsweredV1 } from '@sc/contracts';
import { NotFoundError } from '@sc/kernel';
import type { HandlerContext } from '@sc/messaging';
import { SYSTEM_PRINCIPAL, writeAudit } from '@sc/subgraph-kit';
import { AdaptationProgramme } from '../domain/adaptation-programme';

/**
 * M7 reply: ЦЗН or КЦСОН agreed a revision of the draft ПСА or proposed
 * changes. Recorded against that revision (an answer to an earlier one is
 * history and decides nothing); the same answer again changes nothing. An
 * unknown programme or a partner that was not asked is a domain refusal: the
 * message is dead-lettered with the reason.
 */
export async function recordPartnerProgrammeAnswer(
  d: MessageData<typeof programmeAgreementAnsweredV1>,
  { em }: HandlerContext,
): Promise<void> {
  const prog = await em.findOne(AdaptationProgramme, { id: d.programmeId, citizenId: d.citizenId });
  if (!prog) throw new NotFoundError('AdaptationProgramme', d.programmeId, 'programmeId');
  const outcome = prog.recordAgreement(d.fromAgency, d.revision, {
    decision: d.decision,
    comment: d.comment?.trim() || null,
    proposals: d.proposals.map((p) => ({
      activityId: p.activityId ?? null,
      kind: p.kind ?? null,
      description: p.description,
      dueDate: p.dueDate ?? null,
    })),
    by: `${d.fromAgency}:${d.answeredBy}`,
    at: d.answeredAt,
  });
  if (outcome === 'REPEATED') return;
  await em.flush();
  await writeAudit(em, SYSTEM_PRINCIPAL('SOCIAL_PROTECTION', 'system:programme-agreement'), [
    {
      citizenId: prog.citizenId,
      operation: 'programme.agreement-answered.v1',
      action: 'CHANGE',
      entity: 'AdaptationProgramme',
      entityId: prog.id,
    },
  ]);
}
