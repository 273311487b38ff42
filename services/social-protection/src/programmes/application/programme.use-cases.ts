import { ConflictError, checkAgreementAnswer, type ProgrammeAgreementAnswer } from '@sc/kernel';
import { CASE_WORK } from '../../access';
import { ScApplication } from '../../applications/domain/sc-application';
import { loadParameters } from '../../parameters/application/parameter.queries';
import { inChange, findCase, loadWorkingCalendar, type CaseContext } from '@sc/subgraph-kit';
import { AdaptationProgramme, type DraftProgrammeInput } from '../domain/adaptation-programme';
import { sendDraftForAgreement } from './send-draft-for-agreement';

/**
 * Разработка ПСА (seed 000, ЦСПН step 3) with the partners' activities; a
 * returned programme is redrafted in place. Each draft is a new revision sent
 * in the same commit to the partners who would carry out its activities (M7,
 * drafting) for their agreement.
 */
export function draftAdaptationProgramme(
  ctx: CaseContext,
  i: DraftProgrammeInput & { applicationId: string },
): Promise<AdaptationProgramme> {
  return inChange(ctx, 'draftAdaptationProgramme', CASE_WORK, async (tx, c) => {
    const app = await findCase(tx, c, ScApplication, i.applicationId, 'input.applicationId');
    if (app.status !== 'PSA_DRAFTING') {
      throw new ConflictError(
        'NOT_DRAFTING',
        `ScApplication in state ${app.status} cannot take a programme draft (interview and home survey come first)`,
        { rule: 'STATE_MACHINE', currentState: app.status, attemptedAction: 'draftAdaptationProgramme' },
      );
    }
    const existing = await tx.findOne(AdaptationProgramme, { applicationId: app.id });
    const params = await loadParameters(tx, app.region, c.today);
    const calendar = await loadWorkingCalendar(tx);
    const prog = AdaptationProgramme.draft({
      existing,
      applicationId: app.id,
      citizenId: app.citizenId,
      territory: app.territory,
      input: i,
      params,
      earliestStart: app.registeredOn(),
      answerBy: calendar.addWorkingDays(c.today, params.get('PSA_AGREEMENT_WORKING_DAYS')),
      by: c.by,
      now: c.now,
    });
    tx.persist(prog);
    await sendDraftForAgreement(ctx.deps, tx, prog, c.now);
    c.audit(app, 'AdaptationProgramme', prog.id);
    return prog;
  });
}

/**
 * The citizen's agreement with a revision of the draft (or the changes they
 * ask for), recorded by the specialist who discussed it with them. The
 * revision is the one the citizen was shown: a newer one must be shown first.
 */
export function recordCitizenProgrammeAgreement(
  ctx: CaseContext,
  i: { programmeId: string; revision: number } & ProgrammeAgreementAnswer,
): Promise<AdaptationProgramme> {
  return inChange(ctx, 'recordCitizenProgrammeAgreement', CASE_WORK, async (tx, c) => {
    const prog = await findCase(tx, c, AdaptationProgramme, i.programmeId, 'input.programmeId');
    const answer = checkAgreementAnswer(
      i,
      prog.activities.map((x) => x.id),
    );
    if (i.revision !== prog.revision)
      throw new ConflictError(
        'STALE_REVISION',
        `the citizen was shown revision ${i.revision}; the programme is at revision ${prog.revision}`,
        { field: 'input.revision', rule: 'CURRENT_REVISION', currentRevision: prog.revision },
      );
    prog.recordAgreement('CITIZEN', i.revision, { ...answer, by: c.by, at: c.now.toISOString() });
    prog.updatedAt = c.now;
    c.audit(prog, 'AdaptationProgramme', prog.id);
    return prog;
  });
}

/** ПСА agreed with the citizen and partners → on the commission's table; a draft not yet agreed is refused. */
export function submitProgrammeToCommission(ctx: CaseContext, programmeId: string): Promise<AdaptationProgramme> {
  return inChange(ctx, 'submitProgrammeToCommission', CASE_WORK, async (tx, c) => {
    const prog = await findCase(tx, c, AdaptationProgramme, programmeId, 'programmeId');
    const app = await findCase(tx, c, ScApplication, prog.applicationId, 'programmeId');
    app.apply('submitToCommission');
    prog.apply('submit');
    prog.assertAgreed();
    prog.updatedAt = c.now;
    c.audit(app, 'AdaptationProgramme', prog.id);
    return prog;
  });
}
