import { contractConcludedNotice } from '../../citizen-notices/domain/citizen-notice';
import { sendCitizenNotice } from '../../citizen-notices/application/send-citizen-notice';
import { contractConcludedForEmploymentV1, contractConcludedForSocialServiceV1 } from '@sc/contracts';
import { addMonths, parseIsoDate, ValidationError, type IsoDate } from '@sc/kernel';
import { personDataOf } from '@sc/subgraph-kit';
import { CASE_WORK } from '../../access';
import { ScApplication } from '../../applications/domain/sc-application';
import { loadParameters, loadSubsistenceMinimum } from '../../parameters/application/parameter.queries';
import {
  AdaptationProgramme,
  assertProgrammeApproved,
  openActivitiesOf,
} from '../../programmes/domain/adaptation-programme';
import { assignedActivityOf } from '../../programmes/domain/psa-activity';
import { inChange, findCase, type CaseContext } from '@sc/subgraph-kit';
import { SocialContract } from '../domain/social-contract';
import type { ContractNumbers } from './contract-numbers';

/**
 * Заключение социального контракта (seed 000, ЦСПН step 4) from the approved
 * programme. In the same transaction ЦЗН is told (M2: the contract, the
 * request for the full package of employment services, its activities) and
 * КЦСОН (M5: urgent services and accompaniment, its activities).
 */
export function concludeSocialContract(
  ctx: CaseContext,
  i: { applicationId: string; signedOn: IsoDate; startDate?: IsoDate | null },
  numbers: ContractNumbers,
): Promise<SocialContract> {
  return inChange(ctx, 'concludeSocialContract', CASE_WORK, async (tx, c) => {
    const app = await findCase(tx, c, ScApplication, i.applicationId, 'input.applicationId');
    const prog = await tx.findOne(AdaptationProgramme, { applicationId: app.id });
    assertProgrammeApproved(prog);
    assertSigningDates(i, app.registeredOn(), c.today);
    app.apply('sign');
    const startDate = i.startDate ?? (prog.plannedStart > i.signedOn ? prog.plannedStart : i.signedOn);
    const params = await loadParameters(tx, app.region, i.signedOn);
    const pmField = i.startDate ? 'input.startDate' : 'input.signedOn'; // the date that chose the ПМ's year
    const pm = await loadSubsistenceMinimum(tx, app.region, app.zone, Number(startDate.slice(0, 4)), pmField);
    const number = await numbers.next(tx, app.region, startDate.slice(0, 4));
    const contract = SocialContract.conclude({
      number,
      programme: prog,
      applicationId: app.id,
      citizenId: app.citizenId,
      territory: app.territory,
      region: app.region,
      zone: app.zone,
      signedOn: i.signedOn,
      startDate,
      pm: { year: pm.year, workingAgeKopecks: pm.workingAge },
      perCapitaIncomeBeforeKopecks: app.meansTest?.perCapitaIncomeKopecks ?? 0,
      assignedTo: app.assignedTo ?? c.by,
      params,
      now: c.now,
    });
    tx.persist(contract);
    const citizen = await ctx.deps.directory.get(tx, app.citizenId);
    const core = {
      contractId: contract.id,
      contractNumber: contract.number,
      citizenId: contract.citizenId,
      direction: contract.direction,
      startDate: contract.startDate,
      endDate: contract.endDate,
      person: personDataOf(citizen),
      territory: contract.territory,
      concludedAt: c.now.toISOString(),
    };
    const forEmployment = openActivitiesOf(contract.activities, 'EMPLOYMENT');
    if (
      forEmployment.length ||
      contract.direction === 'JOB_SEARCH' ||
      app.needs.employmentHelp ||
      app.needs.vocationalTraining
    ) {
      await ctx.deps.outbox.enqueue(tx, contractConcludedForEmploymentV1, contract.citizenId, {
        ...core,
        toAgency: 'EMPLOYMENT',
        fullPackageRequested: true,
        activities: forEmployment.map(assignedActivityOf),
        trainingNeeded: app.needs.vocationalTraining || forEmployment.some((a) => a.kind === 'VOCATIONAL_TRAINING'),
        trainingCapKopecks: params.get('CAP_TRAINING_KOPECKS'),
      });
    }
    const forSocialService = openActivitiesOf(contract.activities, 'SOCIAL_SERVICE');
    const n = app.needs;
    if (forSocialService.length || n.psychologicalSupport || n.socialHelp || n.financialLiteracy) {
      await ctx.deps.outbox.enqueue(tx, contractConcludedForSocialServiceV1, contract.citizenId, {
        ...core,
        toAgency: 'SOCIAL_SERVICE',
        urgentServicesRequested: app.needs.socialHelp,
        accompanimentRequested: true,
        activities: forSocialService.map(assignedActivityOf),
        serviceUntil: addMonths(contract.endDate, params.get('SOCIAL_SERVICE_AFTER_CONTRACT_MONTHS')),
      });
    }
    await sendCitizenNotice(tx, ctx.deps, contractConcludedNotice(contract), c.now); // with its schedule (M10)
    c.audit(contract, 'SocialContract', contract.id);
    return contract;
  });
}

/** A contract is signed on or after its application's registration, not in the future, and starts on or after it. */
function assertSigningDates(
  i: { signedOn: IsoDate; startDate?: IsoDate | null },
  registeredOn: IsoDate,
  today: IsoDate,
) {
  parseIsoDate(i.signedOn, 'input.signedOn');
  if (i.startDate) parseIsoDate(i.startDate, 'input.startDate');
  if (i.signedOn < registeredOn)
    throw new ValidationError(
      'input.signedOn',
      'DATE_ORDER',
      `a contract cannot be signed before its application was registered (${registeredOn})`,
    );
  if (i.signedOn > today) throw new ValidationError('input.signedOn', 'NOT_IN_FUTURE', 'cannot be in the future');
  if (i.startDate && i.startDate < i.signedOn)
    throw new ValidationError('input.startDate', 'DATE_ORDER', 'a contract cannot start before it is signed');
}
