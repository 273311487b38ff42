import { reportReferralProgress } from '../../referrals/application/report-referral-progress';
import { applicationDecisionNotice } from '../../citizen-notices/domain/citizen-notice';
import { sendCitizenNotice } from '../../citizen-notices/application/send-citizen-notice';
import { commissionDecisionsV1, commissionInvitationV1 } from '@sc/contracts';
import { ValidationError, type IsoDate } from '@sc/kernel';
import { CASE_WORK, COMMISSION_DECIDES } from '../../access';
import { ScApplication } from '../../applications/domain/sc-application';
import { regionOfTerritory } from '../../parameters/domain/regional-parameters';
import { AdaptationProgramme } from '../../programmes/domain/adaptation-programme';
import { inChange, findCase, openingTerritory, type CaseContext } from '@sc/subgraph-kit';
import type { EntityManager } from '@mikro-orm/core';
import { SocialContract } from '../../contracts/domain/social-contract';
import {
  CommissionMeeting,
  type CommissionDecisionKind,
  type CommissionMember,
  type EvaluationAgendaItem,
} from '../domain/commission-meeting';

const PARTNERS = ['EMPLOYMENT', 'SOCIAL_SERVICE'] as const;

/** Contracts of the district whose term is over, without a conclusion and not yet on an open meeting's agenda. */
async function contractsAwaitingConclusion(
  tx: EntityManager,
  territory: string,
  open: readonly CommissionMeeting[],
): Promise<EvaluationAgendaItem[]> {
  const taken = new Set(open.flatMap((m) => m.evaluationAgenda.map((e) => e.contractId)));
  const ended = await tx.find(SocialContract, { territory, status: 'ENDED' }, { orderBy: { endDate: 'asc' } });
  return ended
    .filter((k) => !taken.has(k.id))
    .map((k) => ({
      contractId: k.id,
      contractNumber: k.number,
      applicationId: k.applicationId,
      citizenId: k.citizenId,
    }));
}

/**
 * Назначить заседание МВК. The agenda is every programme of the region
 * awaiting review and not yet on an open meeting's agenda; members from ЦЗН
 * and КЦСОН are invited by message (M7) with the draft programmes.
 */
export function scheduleCommissionMeeting(
  ctx: CaseContext,
  i: { meetingDate: IsoDate; place?: string | null; members: CommissionMember[]; territory?: string | null },
): Promise<CommissionMeeting> {
  return inChange(ctx, 'scheduleCommissionMeeting', CASE_WORK, async (tx, c) => {
    const region = regionOfTerritory(c.p.territory);
    // The district's commission takes the district's programmes.
    const territory = await openingTerritory(tx, c.p, i.territory, 'input.territory', c.today);
    const open = await tx.find(CommissionMeeting, { territory, status: 'SCHEDULED' });
    const scheduled = open.flatMap((m) => m.agenda.map((a) => a.programmeId));
    const evaluationAgenda = await contractsAwaitingConclusion(tx, territory, open);
    const waiting = (
      await tx.find(AdaptationProgramme, { status: 'ON_REVIEW', territory }, { orderBy: { updatedAt: 'asc' } })
    ).filter((p) => !scheduled.includes(p.id));
    const apps = new Map(
      (await tx.find(ScApplication, { id: { $in: waiting.map((p) => p.applicationId) }, region })).map((a) => [
        a.id,
        a,
      ]),
    );
    const agendaProgrammes = waiting.filter((p) => apps.has(p.applicationId));
    const m = CommissionMeeting.schedule({
      region,
      territory,
      meetingDate: i.meetingDate,
      place: i.place,
      members: i.members.map((x) => ({
        name: x.name.trim(),
        position: x.position ?? null,
        agency: x.agency,
        role: x.role,
      })),
      agenda: agendaProgrammes.map((p) => ({
        programmeId: p.id,
        applicationId: p.applicationId,
        citizenId: p.citizenId,
      })),
      evaluationAgenda,
      today: c.today,
      by: c.by,
      now: c.now,
    });
    tx.persist(m);
    for (const agency of PARTNERS) {
      const invited = m.members.filter((x) => x.agency === agency);
      if (!invited.length) continue;
      await ctx.deps.outbox.enqueue(tx, commissionInvitationV1, m.id, {
        meetingId: m.id,
        toAgency: agency,
        meetingDate: m.meetingDate,
        place: m.place ?? undefined,
        territory: m.territory,
        invited: invited.map((x) => ({ name: x.name, position: x.position ?? undefined, agency: x.agency })),
        agenda: agendaProgrammes.map((p) => ({
          programmeId: p.id,
          applicationId: p.applicationId,
          citizenId: p.citizenId,
          direction: p.direction,
          termMonths: p.termMonths,
          activities: p.activities.map((a) => ({
            kind: a.kind,
            description: a.description,
            responsibleAgency: a.responsibleOrganisation ?? a.responsibleAgency,
            dueDate: a.dueDate,
          })),
          businessPlanAmountKopecks: p.businessPlan?.amountRequestedKopecks,
        })),
        sentAt: c.now.toISOString(),
      });
    }
    for (const p of agendaProgrammes) c.audit(p, 'CommissionMeeting', m.id);
    return m;
  });
}

/** Решение МВК по одной программе: approve → APPROVED; return → back to drafting with reasons; refuse → REJECTED. */
export function recordCommissionDecision(
  ctx: CaseContext,
  i: { meetingId: string; programmeId: string; decision: CommissionDecisionKind; reasons?: string | null },
): Promise<CommissionMeeting> {
  return inChange(ctx, 'recordCommissionDecision', COMMISSION_DECIDES, async (tx, c) => {
    const m = await findCase(tx, c, CommissionMeeting, i.meetingId, 'input.meetingId');
    const prog = await findCase(tx, c, AdaptationProgramme, i.programmeId, 'input.programmeId');
    const app = await findCase(tx, c, ScApplication, prog.applicationId, 'input.programmeId');
    const d = m.decide(prog.id, i.decision, i.reasons, c.by, c.now);
    if (i.decision === 'APPROVE') {
      app.apply('approve');
      prog.apply('approve');
    } else if (i.decision === 'RETURN_FOR_REWORK') {
      app.apply('returnForRework');
      prog.apply('returnForRework');
    } else {
      app.apply('refuse');
      prog.apply('refuse');
      app.rejectionReason = d.reasons;
      app.decidedAt = c.now;
    }
    prog.commissionReasons = d.reasons ?? null;
    prog.updatedAt = c.now;
    await sendCitizenNotice(tx, ctx.deps, applicationDecisionNotice(app), c.now); // approval or refusal (M10)
    await reportReferralProgress(tx, ctx.deps, app, c.now);
    c.audit(app, 'CommissionMeeting', m.id);
    return m;
  });
}

/** Протокол: closes the meeting and sends the record of decisions to the partners that sat on it (M7). */
export function closeCommissionMeeting(
  ctx: CaseContext,
  i: { meetingId: string; attended: string[] },
): Promise<CommissionMeeting> {
  return inChange(ctx, 'closeCommissionMeeting', COMMISSION_DECIDES, async (tx, c) => {
    const m = await findCase(tx, c, CommissionMeeting, i.meetingId, 'input.meetingId');
    if (i.attended.length === 0) throw new ValidationError('input.attended', 'REQUIRED', 'list the members present');
    m.close(i.attended, c.now);
    // One record for the partners (ЦЗН, КЦСОН) whose members sat on the commission; each filters by its own members.
    if (m.members.some((x) => (PARTNERS as readonly string[]).includes(x.agency))) {
      await ctx.deps.outbox.enqueue(tx, commissionDecisionsV1, m.id, {
        meetingId: m.id,
        meetingDate: m.meetingDate,
        attended: m.attended.map((x) => ({ name: x.name, position: x.position ?? undefined, agency: x.agency })),
        decisions: m.decisions.map((d) => ({
          programmeId: d.programmeId,
          applicationId: d.applicationId,
          citizenId: d.citizenId,
          decision: d.decision,
          reasons: d.reasons ?? undefined,
        })),
        heldAt: c.now.toISOString(),
      });
    }
    for (const d of m.decisions) c.audit({ citizenId: d.citizenId, territory: m.territory }, 'CommissionMeeting', m.id);
    return m;
  });
}
