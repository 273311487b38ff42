import type { EntityManager } from '@mikro-orm/core';
import { ValidationError, type IsoDate } from '@sc/kernel';
import {
  inChange,
  findCase,
  validatePerson,
  type CaseContext,
  type Change,
  type PersonInput,
  openingTerritory,
} from '@sc/subgraph-kit';
import { CASE_WORK } from '../../access';
import { loadSocialServiceParameters } from '../../parameters/application/social-service-parameters';
import { UrgentServiceCase } from '../../urgent/domain/urgent-service-case';
import {
  PreventionCase,
  type DeregistrationGround,
  type PreventionMeasure,
  type Resolution,
  type SignalSource,
} from '../domain/prevention-case';

/** Поступление сигнала (школа, МВД, иные субъекты профилактики), or a need found while giving urgent help. */
export function receivePreventionSignal(
  ctx: CaseContext,
  i: {
    person?: PersonInput | null;
    fromUrgentCaseId?: string | null;
    subject: 'MINOR' | 'FAMILY';
    source: SignalSource;
    sourceDetails: string;
    facts: string;
    address?: string | null;
    signalOn: IsoDate;
    /** ОКТМО района; the urgent case's, else the worker's own district when omitted. */
    territory?: string | null;
  },
): Promise<PreventionCase> {
  return inChange(ctx, 'receivePreventionSignal', CASE_WORK, async (tx, c) => {
    let citizenId: string;
    let territory: string;
    const urgent = i.fromUrgentCaseId
      ? await findCase(tx, c, UrgentServiceCase, i.fromUrgentCaseId, 'input.fromUrgentCaseId')
      : null;
    if (urgent) {
      citizenId = urgent.followUpCitizen();
      territory = urgent.territory;
    } else {
      if (!i.person) throw new ValidationError('input.person', 'REQUIRED', 'who the signal is about');
      const person = validatePerson(i.person, 'input.person', c.today);
      territory = await openingTerritory(tx, c.p, i.territory, 'input.territory', c.today);
      citizenId = (await ctx.deps.directory.register(tx, person, { territory })).citizen.id;
    }
    const params = await loadSocialServiceParameters(tx, ctx.deps.config.region, c.today);
    const p = PreventionCase.receiveSignal({
      ...i,
      citizenId,
      territory,
      checkDays: params.get('PREVENTION_CHECK_DAYS'),
      today: c.today,
      by: c.by,
      now: c.now,
    });
    tx.persist(p);
    if (urgent) urgent.followUp = { kind: 'PREVENTION_SIGNAL', caseId: p.id };
    c.audit(p, 'PreventionCase', p.id);
    return p;
  });
}

async function onCase(
  ctx: CaseContext,
  operation: string,
  id: string,
  fn: (p: PreventionCase, tx: EntityManager, c: Change) => Promise<unknown> | unknown,
): Promise<PreventionCase> {
  return inChange(ctx, operation, CASE_WORK, async (tx, c) => {
    const p = await findCase(tx, c, PreventionCase, id, 'input.caseId');
    await fn(p, tx, c);
    c.audit(p, 'PreventionCase', p.id);
    return p;
  });
}

const reviewMonths = async (ctx: CaseContext, tx: EntityManager, today: IsoDate) =>
  (await loadSocialServiceParameters(tx, ctx.deps.config.region, today)).get('PREVENTION_REVIEW_MONTHS');

export const recordPreventionCheck = (
  ctx: CaseContext,
  i: { caseId: string; on: IsoDate; findings: string; confirmed: boolean; checkedBy: string },
) =>
  onCase(ctx, 'recordPreventionCheck', i.caseId, (p, _tx, c) =>
    p.recordCheck({ on: i.on, findings: i.findings, confirmed: i.confirmed, by: i.checkedBy, today: c.today }),
  );

export const registerPreventionCase = (
  ctx: CaseContext,
  i: { caseId: string; resolution: Resolution; curator: string },
) => onCase(ctx, 'registerPreventionCase', i.caseId, (p, _tx, c) => p.register(i.resolution, i.curator, c.today));

export const approveRehabilitationProgramme = (
  ctx: CaseContext,
  i: { caseId: string; approvedOn: IsoDate; approvedBy: string; measures: Omit<PreventionMeasure, 'id' | 'status'>[] },
) =>
  onCase(ctx, 'approveRehabilitationProgramme', i.caseId, async (p, tx, c) =>
    p.approveProgramme(i.measures, i.approvedOn, i.approvedBy, await reviewMonths(ctx, tx, c.today), c.today, c.now),
  );

export const reportPreventionMeasure = (
  ctx: CaseContext,
  i: { caseId: string; measureId: string; done: boolean; report: string },
) => onCase(ctx, 'reportPreventionMeasure', i.caseId, (p) => p.reportMeasure(i.measureId, i.done, i.report));

export const reviewPreventionCase = (ctx: CaseContext, i: { caseId: string; on: IsoDate; analysis: string }) =>
  onCase(ctx, 'reviewPreventionCase', i.caseId, (p, _tx, c) => p.review(i.on, p.curator ?? c.by, i.analysis, c.today));

export const extendPreventionCase = (ctx: CaseContext, i: { caseId: string; resolution: Resolution }) =>
  onCase(ctx, 'extendPreventionCase', i.caseId, async (p, tx, c) =>
    p.extend(i.resolution, await reviewMonths(ctx, tx, c.today), c.today),
  );

export const deregisterPreventionCase = (
  ctx: CaseContext,
  i: { caseId: string; resolution?: Partial<Resolution> | null; ground?: DeregistrationGround | null },
) =>
  onCase(ctx, 'deregisterPreventionCase', i.caseId, (p, _tx, c) =>
    p.deregister({ ...(i.resolution ?? {}), ground: i.ground }, c.today),
  );

export const flagAdministrativeMeasures = (ctx: CaseContext, i: { caseId: string; applied: boolean }) =>
  onCase(ctx, 'flagAdministrativeMeasures', i.caseId, (p) => p.flagAdministrativeMeasures(i.applied));
