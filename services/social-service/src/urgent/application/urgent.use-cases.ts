import type { EntityManager } from '@mikro-orm/core';
import { ValidationError, type IsoDate } from '@sc/kernel';
import {
  inChange,
  findCase,
  mustFind,
  openingTerritory,
  validatePerson,
  type CaseContext,
  type Change,
  type PersonInput,
} from '@sc/subgraph-kit';
import { CASE_WORK } from '../../access';
import { reportServicesDelivered } from '../../contracts/application/report-services-delivered';
import { reportReferralProgress } from '../../referrals/application/report-referral-progress';
import { UrgentServiceTypeRecord } from '../domain/urgent-service-type';
import { UrgentServiceAct } from '../domain/urgent-service-act';
import { UrgentServiceCase, type UrgentChannel } from '../domain/urgent-service-case';

export interface RequestUrgentInput {
  citizen?: PersonInput | null;
  anonymous?: boolean | null;
  channel: UrgentChannel;
  notifiedBy?: string | null;
  identityDocument?: string | null;
  circumstances: string;
  /** the decision is immediate (DOMAIN.md §4.5): approve at once unless refused */
  decision?: 'APPROVE' | 'REFUSE' | null;
  refusalReason?: string | null;
  /** ОКТМО района; the worker's own district when omitted. */
  territory?: string | null;
}

/** Срочные социальные услуги: a request by application, phone or an organisation's notice (M12), decided at once. */
export function requestUrgentServices(ctx: CaseContext, i: RequestUrgentInput): Promise<UrgentServiceCase> {
  return inChange(ctx, 'requestUrgentServices', CASE_WORK, async (tx, c) => {
    if (i.channel === 'SOCIAL_PROTECTION_REQUEST')
      throw new ValidationError('input.channel', 'CHANNEL_BY_MESSAGE', 'ЦСПН’s requests arrive as messages (M5)');
    const territory = await openingTerritory(tx, c.p, i.territory, 'input.territory', c.today);
    const person = i.citizen ? validatePerson(i.citizen, 'input.citizen', c.today) : null;
    const citizen = person ? (await ctx.deps.directory.register(tx, person, { territory })).citizen : null;
    const u = UrgentServiceCase.request({
      citizenId: citizen?.id,
      territory,
      anonymous: Boolean(i.anonymous),
      channel: i.channel,
      notifiedBy: i.notifiedBy,
      identityDocument: i.identityDocument,
      circumstances: i.circumstances,
      by: c.by,
      now: c.now,
    });
    if (i.decision) u.decide(i.decision === 'APPROVE', i.refusalReason, c.now);
    tx.persist(u);
    if (u.citizenId) c.audit({ citizenId: u.citizenId, territory }, 'UrgentServiceCase', u.id);
    return u;
  });
}

async function onCase<T>(
  ctx: CaseContext,
  operation: string,
  id: string,
  fn: (u: UrgentServiceCase, tx: EntityManager, c: Change) => Promise<T> | T,
): Promise<T> {
  return inChange(ctx, operation, CASE_WORK, async (tx, c) => {
    const u = await findCase(tx, c, UrgentServiceCase, id, 'input.caseId');
    const r = await fn(u, tx, c);
    await tx.flush();
    await reportReferralProgress(tx, ctx.deps, u, c.now); // ЦСПН's referral: the citizen came, the result
    if (u.citizenId) c.audit({ citizenId: u.citizenId, territory: u.territory }, 'UrgentServiceCase', u.id);
    return r;
  });
}

export const decideUrgentNeed = (ctx: CaseContext, i: { caseId: string; approve: boolean; reason?: string | null }) =>
  onCase(ctx, 'decideUrgentNeed', i.caseId, (u, _tx, c) => {
    u.decide(i.approve, i.reason, c.now);
    return u;
  });

/** What was delivered, how much, when, by whom; the code must be in the catalogue. */
export const recordUrgentServiceDelivery = (
  ctx: CaseContext,
  i: { caseId: string; serviceCode: string; quantity: number; deliveredOn: IsoDate },
) =>
  onCase(ctx, 'recordUrgentServiceDelivery', i.caseId, async (u, tx, c) => {
    const type = await tx.findOne(UrgentServiceTypeRecord, { code: i.serviceCode });
    u.deliver(
      type ? { ...type, source: type.source as never } : undefined,
      i.serviceCode,
      i.quantity,
      i.deliveredOn,
      c.today,
      c.by,
    );
    return u;
  });

/** Акт о предоставлении срочных социальных услуг: drawn up from the deliveries, its content frozen and hashed. */
export const issueUrgentServiceAct = (ctx: CaseContext, i: { caseId: string; conditions?: string | null }) =>
  onCase(ctx, 'issueUrgentServiceAct', i.caseId, (u, tx, c) => drawUpAct(ctx, tx, c, u, i.conditions));

/** Draws up the case's act — numbered from the region's sequence — attaches it and persists it. */
async function drawUpAct(
  ctx: CaseContext,
  tx: EntityManager,
  c: Change,
  u: UrgentServiceCase,
  conditions: string | null | undefined,
): Promise<UrgentServiceAct> {
  const seq = await tx
    .getConnection()
    .execute<{ n: string }[]>(
      `select nextval('urgent_service_act_number_seq') as n`,
      [],
      'all',
      tx.getTransactionContext(),
    );
  const person = u.citizenId ? await ctx.deps.directory.get(tx, u.citizenId) : null;
  const act = UrgentServiceAct.drawUp(u, {
    number: `ССУ-${ctx.deps.config.region}-${c.today.slice(0, 4)}-${String(seq[0]!.n).padStart(6, '0')}`,
    fullName: person ? [person.lastName, person.firstName, person.middleName].filter(Boolean).join(' ') : null,
    provider: `КЦСОН (${c.p.territory})`,
    conditions: conditions ?? 'бесплатно',
    today: c.today,
    now: c.now,
  });
  u.attachAct(act.id);
  tx.persist(act);
  return act;
}

/**
 * The recipient signs the act they were shown: verified (same text, a real
 * signature image), then immutable. A contract holder's services go to
 * ЦСПН with the act reference (M6).
 */
export function signUrgentServiceAct(
  ctx: CaseContext,
  i: { actId: string; signaturePng: string; shownActHash: string; signerName: string },
): Promise<UrgentServiceAct> {
  return inChange(ctx, 'signUrgentServiceAct', CASE_WORK, async (tx, c) => {
    const act = await mustFind(tx, UrgentServiceAct, i.actId, 'input.actId');
    const u = await findCase(tx, c, UrgentServiceCase, act.caseId, 'input.actId');
    act.sign({ signatureBase64: i.signaturePng, shownActHash: i.shownActHash, signerName: i.signerName, now: c.now });
    u.signed();
    await tx.flush();
    await reportReferralProgress(tx, ctx.deps, u, c.now);
    if (u.citizenId) {
      await reportServicesDelivered(
        ctx.deps,
        tx,
        u.citizenId,
        u.deliveries.map((d) => ({
          code: d.serviceCode,
          name: d.serviceName,
          deliveredOn: d.deliveredOn,
          volume: d.quantity,
          unit: d.unit,
          actId: act.id,
          activityKind: 'URGENT_SOCIAL_SERVICES' as const,
          completesActivity: true,
        })),
      );
      c.audit({ citizenId: u.citizenId, territory: u.territory }, 'UrgentServiceAct', act.id);
    }
    return act;
  });
}

/**
 * Anonymous or phone help: closed on an act without the recipient's signature,
 * with the reason — the act already drawn up, or one drawn up now — so an
 * unsigned case never lacks its act.
 */
export const closeUrgentCaseUnsigned = (ctx: CaseContext, i: { caseId: string; reason: string }) =>
  onCase(ctx, 'closeUrgentCaseUnsigned', i.caseId, async (u, tx, c) => {
    u.checkUnsignedClosure(i.reason);
    const act = u.actId
      ? await mustFind(tx, UrgentServiceAct, u.actId, 'input.caseId')
      : await drawUpAct(ctx, tx, c, u, null);
    u.closeUnsigned(i.reason, act);
    return u;
  });

export const closeUrgentServiceCase = (ctx: CaseContext, caseId: string) =>
  onCase(ctx, 'closeUrgentServiceCase', caseId, (u) => {
    u.close();
    return u;
  });
