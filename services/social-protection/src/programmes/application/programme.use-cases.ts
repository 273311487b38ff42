import { ConflictError } from '@sc/kernel';
import { CASE_WORK } from '../../access';
import { ScApplication } from '../../applications/domain/sc-application';
import { loadParameters } from '../../parameters/application/parameter.queries';
import { inChange, findCase, type CaseContext } from '@sc/subgraph-kit';
import { AdaptationProgramme, type DraftProgrammeInput } from '../domain/adaptation-programme';

/** Разработка ПСА (seed 000, ЦСПН step 3) with the partners' activities; a returned programme is redrafted in place. */
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
    const prog = AdaptationProgramme.draft({
      existing,
      applicationId: app.id,
      citizenId: app.citizenId,
      territory: app.territory,
      input: i,
      params,
      earliestStart: app.registeredOn(),
      by: c.by,
      now: c.now,
    });
    tx.persist(prog);
    c.audit(app, 'AdaptationProgramme', prog.id);
    return prog;
  });
}

/** ПСА agreed with the citizen and partners → on the commission's table. */
export function submitProgrammeToCommission(ctx: CaseContext, programmeId: string): Promise<AdaptationProgramme> {
  return inChange(ctx, 'submitProgrammeToCommission', CASE_WORK, async (tx, c) => {
    const prog = await findCase(tx, c, AdaptationProgramme, programmeId, 'programmeId');
    const app = await findCase(tx, c, ScApplication, prog.applicationId, 'programmeId');
    app.apply('submitToCommission');
    prog.apply('submit');
    prog.updatedAt = c.now;
    c.audit(app, 'AdaptationProgramme', prog.id);
    return prog;
  });
}
