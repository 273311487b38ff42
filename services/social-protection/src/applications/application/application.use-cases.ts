import type { EntityManager } from '@mikro-orm/core';
import { referralForEmploymentServicesV1, type NeedsQuestionnaire } from '@sc/contracts';
import { reportReferralProgress } from '../../referrals/application/report-referral-progress';
import { ConflictError, ValidationError } from '@sc/kernel';
import {
  openingTerritory,
  personDataOf,
  recordOutgoingReferral,
  validatePerson,
  type PersonInput,
} from '@sc/subgraph-kit';
import { CASE_WORK } from '../../access';
import { applicationDecisionNotice } from '../../citizen-notices/domain/citizen-notice';
import { sendCitizenNotice } from '../../citizen-notices/application/send-citizen-notice';
import { inChange, findCase, type CaseContext, type Change } from '@sc/subgraph-kit';
import { loadParameters, loadSubsistenceMinimum } from '../../parameters/application/parameter.queries';
import { regionOfTerritory } from '../../parameters/domain/regional-parameters';
import type { TerritorialZone } from '../../parameters/domain/subsistence-minimum';
import type { ScDirection } from '../../programmes/domain/sc-direction';
import { validateHomeSurvey, type HomeSurveyInput } from '../domain/home-survey-act';
import { validateHousehold, type DocumentCheck, type HouseholdMemberInput } from '../domain/household';
import { incomePeriod, runMeansTest } from '../domain/means-test';
import { validateIdentification } from '../domain/identification';
import { ScApplication, type ApplicationChannel } from '../domain/sc-application';

const documentsOf = (d: DocumentCheck[] | null | undefined): DocumentCheck[] =>
  (d ?? []).map((x, i) => {
    if (!x.kind.trim()) throw new ValidationError(`input.documents[${i}].kind`, 'REQUIRED', 'name the document');
    return { kind: x.kind.trim(), provided: x.provided, note: x.note ?? null };
  });

export interface SubmitScApplicationInput {
  citizen: PersonInput;
  channel?: ApplicationChannel | null;
  zone: TerritorialZone;
  needs: NeedsQuestionnaire;
  proposedDirection?: ScDirection | null;
  household: HouseholdMemberInput[];
  documents?: DocumentCheck[] | null;
  /** ОКТМО района; the worker's own district when omitted. */
  territory?: string | null;
  /** Who identified the citizen (seed 003); the citizen's own visit when omitted. */
  identification?: { source: string; organisation?: string | null } | null;
}

/** Приём заявления (seed 000, ЦСПН step 1): the person, household with incomes, documents and questionnaire, registered at once. */
export function submitScApplication(ctx: CaseContext, i: SubmitScApplicationInput): Promise<ScApplication> {
  return inChange(ctx, 'submitScApplication', CASE_WORK, async (tx, c) => {
    const person = validatePerson(i.citizen, 'input.citizen', c.today);
    const identification = validateIdentification(i.identification, i.channel ?? 'IN_PERSON', 'input.identification');
    if (i.channel === 'REFERRAL_FROM_EMPLOYMENT' || i.channel === 'REFERRAL_FROM_SOCIAL_SERVICE') {
      throw new ValidationError(
        'input.channel',
        'CHANNEL_IN_PERSON',
        'referral channels are set by the referral message, not typed in',
      );
    }
    const region = regionOfTerritory(c.p.territory);
    const params = await loadParameters(tx, region, c.today);
    const household = validateHousehold(i.household, incomePeriod(c.today, params), c.today);
    const territory = await openingTerritory(tx, c.p, i.territory, 'input.territory', c.today);
    const { citizen } = await ctx.deps.directory.register(tx, person, { territory });
    const open = (await tx.find(ScApplication, { citizenId: citizen.id })).find((a) => a.isOpen());
    if (open)
      throw new ConflictError(
        'APPLICATION_IN_PROGRESS',
        `the citizen already has an application in progress (${open.id}, ${open.status})`,
        { rule: 'ONE_OPEN_APPLICATION', applicationId: open.id },
      );
    const app = ScApplication.open({
      citizenId: citizen.id,
      territory,
      channel: i.channel ?? 'IN_PERSON',
      identification,
      needs: i.needs,
      now: c.now,
      params,
      region,
      zone: i.zone,
      registeredBy: c.by,
      assignedTo: c.by,
      proposedDirection: i.proposedDirection,
      household,
      documents: documentsOf(i.documents),
    });
    tx.persist(app);
    c.audit(app, 'ScApplication', app.id);
    return app;
  });
}

async function onApplication(
  ctx: CaseContext,
  operation: string,
  id: string,
  fn: (a: ScApplication, tx: EntityManager, c: Change) => Promise<void> | void,
): Promise<ScApplication> {
  return inChange(ctx, operation, CASE_WORK, async (tx, c) => {
    const a = await findCase(tx, c, ScApplication, id, 'input.applicationId');
    const before = a.status;
    await fn(a, tx, c);
    // A decision is the citizen's to know (M10): a refusal with its reasons.
    if (a.status !== before) await sendCitizenNotice(tx, ctx.deps, applicationDecisionNotice(a), c.now);
    await reportReferralProgress(tx, ctx.deps, a, c.now); // the sender of an M4 referral hears how it went
    c.audit(a, 'ScApplication', a.id);
    return a;
  });
}

/** Дополнить сведения: household, incomes, documents, zone (until the means test runs). */
export function updateApplicationData(
  ctx: CaseContext,
  i: {
    applicationId: string;
    zone?: TerritorialZone | null;
    proposedDirection?: ScDirection | null;
    household?: HouseholdMemberInput[] | null;
    documents?: DocumentCheck[] | null;
  },
) {
  return onApplication(ctx, 'updateApplicationData', i.applicationId, async (a, tx) => {
    a.assertDataEditable();
    if (i.household) {
      const params = await loadParameters(tx, a.region, a.registeredOn());
      a.household = validateHousehold(i.household, incomePeriod(a.registeredOn(), params), a.registeredOn());
    }
    if (i.documents) a.documents = documentsOf(i.documents);
    if (i.zone) a.zone = i.zone;
    if (i.proposedDirection) a.proposedDirection = i.proposedDirection;
  });
}

export const requestApplicationData = (ctx: CaseContext, id: string) =>
  onApplication(ctx, 'requestApplicationData', id, (a) => a.apply('requestData'));

export const withdrawScApplication = (ctx: CaseContext, id: string) =>
  onApplication(ctx, 'withdrawScApplication', id, (a, _tx, c) => {
    a.apply('withdraw');
    a.decidedAt = c.now;
  });

export function assignScApplication(ctx: CaseContext, i: { applicationId: string; assignedTo: string }) {
  return onApplication(ctx, 'assignScApplication', i.applicationId, (a) => {
    if (!i.assignedTo.trim()) throw new ValidationError('input.assignedTo', 'REQUIRED', 'name the specialist');
    a.assignedTo = i.assignedTo.trim();
  });
}

/**
 * Проверка нуждаемости: the per-capita income against the ПМ of the
 * applicant's zone for the year of application. Eligible → interview and
 * home survey; not eligible → rejected, with the figures kept.
 */
export function runMeansTestForApplication(
  ctx: CaseContext,
  i: { applicationId: string; extraCheck?: boolean | null },
) {
  return onApplication(ctx, 'runMeansTest', i.applicationId, async (a, tx, c) => {
    if (a.household.length === 0)
      throw new ValidationError(
        'household',
        'HOUSEHOLD_NOT_EMPTY',
        'record the household and incomes first (updateApplicationData)',
      );
    a.apply('dataComplete'); // from REGISTERED or AWAITING_DATA; any other state is a CONFLICT naming it
    const on = a.registeredOn();
    const params = await loadParameters(tx, a.region, on);
    // The year of the registration decides: a missing ПМ is refused on the application itself.
    const pm = await loadSubsistenceMinimum(tx, a.region, a.zone, Number(on.slice(0, 4)), 'input.applicationId');
    a.meansTest = runMeansTest({ applicationDate: on, household: a.household, pm, params });
    if (i.extraCheck) return a.requireExtraCheck(params);
    if (a.meansTest.eligible) a.apply('findEligible');
    else
      a.reject(
        `среднедушевой доход ${a.meansTest.perCapitaIncomeKopecks} коп. не ниже прожиточного минимума ${a.meansTest.subsistenceMinimumKopecks} коп.`,
        c.now,
      );
    a.decidedAt = c.now;
  });
}

export function decideExtraCheck(
  ctx: CaseContext,
  i: { applicationId: string; eligible: boolean; reason?: string | null },
) {
  return onApplication(ctx, 'decideExtraCheck', i.applicationId, (a, _tx, c) => {
    if (a.status !== 'EXTRA_CHECK') a.apply('requireExtraCheck'); // not under an extra check: the CONFLICT names the state
    if (i.eligible) a.apply('findEligible');
    else {
      if (!i.reason?.trim())
        throw new ValidationError('input.reason', 'REASONS_REQUIRED', 'a refusal must state its reason');
      a.reject(i.reason.trim(), c.now);
    }
    a.decidedAt = c.now;
  });
}

/** Собеседование и акт обследования (seed 000, ЦСПН step 2) → ПСА drafting. */
export function recordHomeSurvey(ctx: CaseContext, i: HomeSurveyInput & { applicationId: string }) {
  return onApplication(ctx, 'recordHomeSurvey', i.applicationId, (a, _tx, c) => {
    const v = validateHomeSurvey(i, a.registeredOn(), c.today);
    a.apply('completeSurvey');
    a.homeSurvey = {
      surveyDate: v.surveyDate,
      address: v.address.trim(),
      livingConditions: v.livingConditions.trim(),
      propertyFindings: v.propertyFindings?.trim() || null,
      interviewNotes: v.interviewNotes.trim(),
      conclusion: v.conclusion.trim(),
      surveyedBy: c.by,
      recordedAt: c.now.toISOString(),
    };
  });
}

/** M1: направление в ЦЗН для оказания услуг по содействию занятости. */
export function referCitizenToEmploymentCentre(ctx: CaseContext, applicationId: string) {
  return onApplication(ctx, 'referCitizenToEmploymentCentre', applicationId, async (a, tx, c) => {
    if (!a.isOpen())
      throw new ConflictError('APPLICATION_CLOSED', `the application is ${a.status}`, {
        rule: 'STATE_MACHINE',
        currentState: a.status,
        attemptedAction: 'referToEmploymentCentre',
      });
    if (a.employmentReferralId)
      throw new ConflictError('ALREADY_REFERRED', 'the citizen was already referred to ЦЗН from this application', {
        rule: 'ONE_REFERRAL',
        referralId: a.employmentReferralId,
      });
    const citizen = await ctx.deps.directory.get(tx, a.citizenId);
    // ЦСПН keeps its copy with the deadlines ЦЗН has to accept and to answer (issue 13).
    const referral = await recordOutgoingReferral(ctx.deps, tx, {
      citizenId: a.citizenId,
      territory: a.territory,
      senderCaseId: a.id,
      type: 'FOR_EMPLOYMENT_SERVICES',
      toAgency: 'EMPLOYMENT',
      basis: 'LOW_INCOME',
      createdBy: c.by,
      now: c.now,
      parameters: loadParameters,
    });
    a.employmentReferralId = referral.id;
    await ctx.deps.outbox.enqueue(tx, referralForEmploymentServicesV1, a.citizenId, {
      referralId: a.employmentReferralId,
      citizenId: a.citizenId,
      fromAgency: 'SOCIAL_PROTECTION',
      toAgency: 'EMPLOYMENT',
      senderCaseId: a.id,
      person: personDataOf(citizen),
      needs: a.needs,
      proposedDirection: a.proposedDirection ?? undefined,
      territory: a.territory,
      sentAt: c.now.toISOString(),
    });
  });
}
