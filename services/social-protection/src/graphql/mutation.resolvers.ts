import { referCitizenForUrgentServices } from '../referrals/application/refer-for-urgent-services';
import { returnIncomingReferral } from '../referrals/application/return-incoming-referral';
import { assignCases, correctWorkTime, markMyNotificationsRead, advanceAcceptanceClock } from '@sc/subgraph-kit';
import { ASSIGNABLE } from './assignable-cases';
import type { MutationResolvers } from '../generated/graphql';
import { idFromInputOrDeprecated } from '@sc/subgraph-kit';
import { defineTerritory } from '@sc/subgraph-kit';
import { ADMINISTER_PARAMETERS, DEADLINE_READERS, HEAD_ASSIGNS, OWN_NOTIFICATIONS } from '../access';
import * as apps from '../applications/application/application.use-cases';
import * as commission from '../commission/application/commission.use-cases';
import * as contracts from '../contracts/application';
import { sequenceContractNumbers } from '../contracts/adapters/contract-number.sequence';
import * as monitoring from '../monitoring/application/monitoring.use-cases';
import * as nf from '../non-fulfilment/application';
import * as parameters from '../parameters/application/parameter.use-cases';
import * as programmes from '../programmes/application/programme.use-cases';
import { subsistenceMinimumView } from './views';

/** Thin: each mutation is one use case; authorisation, validation and the transaction live there. */
export const Mutation: MutationResolvers = {
  advanceSocialProtectionClock: (_p, { input }, ctx) =>
    advanceAcceptanceClock(ctx, 'advanceSocialProtectionClock', input),
  markSocialProtectionNotificationsRead: (_p, { input }, ctx) =>
    markMyNotificationsRead(ctx, OWN_NOTIFICATIONS, 'markSocialProtectionNotificationsRead', input.ids),
  correctSocialProtectionWorkTime: (_p, { input }, ctx) => correctWorkTime(ctx, DEADLINE_READERS, input),
  assignSocialProtectionCases: (_p, { input }, ctx) =>
    assignCases(ctx, HEAD_ASSIGNS, {
      operation: 'assignSocialProtectionCases',
      ...ASSIGNABLE[input.caseType]!,
      ...input,
    }),
  submitScApplication: (_p, { input }, ctx) => apps.submitScApplication(ctx, input as apps.SubmitScApplicationInput),
  updateApplicationData: (_p, { input }, ctx) => apps.updateApplicationData(ctx, input),
  requestApplicationData: (_p, args, ctx) =>
    apps.requestApplicationData(ctx, idFromInputOrDeprecated(args, 'applicationId')),
  assignScApplication: (_p, { input }, ctx) => apps.assignScApplication(ctx, input),
  runMeansTest: (_p, { input }, ctx) => apps.runMeansTestForApplication(ctx, input),
  decideExtraCheck: (_p, { input }, ctx) => apps.decideExtraCheck(ctx, input),
  recordHomeSurvey: (_p, { input }, ctx) => apps.recordHomeSurvey(ctx, input),
  withdrawScApplication: (_p, args, ctx) =>
    apps.withdrawScApplication(ctx, idFromInputOrDeprecated(args, 'applicationId')),
  referCitizenToEmploymentCentre: (_p, args, ctx) =>
    apps.referCitizenToEmploymentCentre(ctx, idFromInputOrDeprecated(args, 'applicationId')),
  referCitizenForUrgentServices: (_p, { input }, ctx) => referCitizenForUrgentServices(ctx, input),
  returnIncomingReferral: (_p, { input }, ctx) => returnIncomingReferral(ctx, input),
  draftAdaptationProgramme: (_p, { input }, ctx) => programmes.draftAdaptationProgramme(ctx, input),
  recordCitizenProgrammeAgreement: (_p, { input }, ctx) => programmes.recordCitizenProgrammeAgreement(ctx, input),
  submitProgrammeToCommission: (_p, args, ctx) =>
    programmes.submitProgrammeToCommission(ctx, idFromInputOrDeprecated(args, 'programmeId')),
  scheduleCommissionMeeting: (_p, { input }, ctx) => commission.scheduleCommissionMeeting(ctx, input),
  recordCommissionDecision: (_p, { input }, ctx) => commission.recordCommissionDecision(ctx, input),
  closeCommissionMeeting: (_p, { input }, ctx) => commission.closeCommissionMeeting(ctx, input),
  concludeSocialContract: (_p, { input }, ctx) => contracts.concludeSocialContract(ctx, input, sequenceContractNumbers),
  recordContractPayment: (_p, { input }, ctx) => contracts.recordContractPayment(ctx, input),
  submitMonthlyReport: (_p, { input }, ctx) => monitoring.submitMonthlyReport(ctx, input),
  reviewMonthlyReport: (_p, { input }, ctx) => monitoring.reviewMonthlyReport(ctx, input),
  recordControlVisit: (_p, { input }, ctx) => monitoring.recordControlVisit(ctx, input),
  updatePsaActivity: (_p, { input }, ctx) => contracts.updatePsaActivity(ctx, input),
  putSocialContractUnderReview: (_p, { input }, ctx) => contracts.putSocialContractUnderReview(ctx, input),
  resolveSocialContractReview: (_p, args, ctx) =>
    contracts.resolveSocialContractReview(ctx, idFromInputOrDeprecated(args, 'contractId')),
  amendSocialContract: (_p, { input }, ctx) => contracts.amendSocialContract(ctx, input),
  extendSocialContract: (_p, { input }, ctx) => contracts.extendSocialContract(ctx, input),
  endSocialContract: (_p, args, ctx) => contracts.endSocialContract(ctx, idFromInputOrDeprecated(args, 'contractId')),
  evaluateSocialContract: (_p, { input }, ctx) => contracts.evaluateSocialContract(ctx, input),
  startPostMonitoring: (_p, args, ctx) =>
    contracts.startPostMonitoring(ctx, idFromInputOrDeprecated(args, 'contractId')),
  recordPostMonitoringCheckpoint: (_p, { input }, ctx) => contracts.recordPostMonitoringCheckpoint(ctx, input),
  closeSocialContract: (_p, args, ctx) =>
    contracts.closeSocialContract(ctx, idFromInputOrDeprecated(args, 'contractId')),
  terminateSocialContract: (_p, { input }, ctx) => contracts.terminateSocialContract(ctx, input),
  requestNonFulfilmentExplanation: (_p, { input }, ctx) => nf.requestNonFulfilmentExplanation(ctx, input),
  recordNonFulfilmentExplanation: (_p, { input }, ctx) => nf.recordNonFulfilmentExplanation(ctx, input),
  decideNonFulfilmentGoodCause: (_p, { input }, ctx) => nf.decideNonFulfilmentGoodCause(ctx, input),
  warnOfNonFulfilment: (_p, { input }, ctx) => nf.warnOfNonFulfilment(ctx, input),
  terminateForNonFulfilment: (_p, { input }, ctx) => nf.terminateForNonFulfilment(ctx, input),
  fileNonFulfilmentAppeal: (_p, { input }, ctx) => nf.fileNonFulfilmentAppeal(ctx, input),
  decideNonFulfilmentAppeal: (_p, { input }, ctx) => nf.decideNonFulfilmentAppeal(ctx, input),
  recordRepayment: (_p, { input }, ctx) => contracts.recordRepayment(ctx, input),
  referRepaymentToCourt: (_p, args, ctx) =>
    contracts.referRepaymentToCourt(ctx, idFromInputOrDeprecated(args, 'contractId')),
  suspendSocialContractForSuccession: (_p, { input }, ctx) => contracts.suspendSocialContractForSuccession(ctx, input),
  continueSocialContractWithSuccessor: (_p, { input }, ctx) =>
    contracts.continueSocialContractWithSuccessor(ctx, input),
  defineTerritory: (_p, { input }, ctx) => defineTerritory(ctx, ADMINISTER_PARAMETERS, input),
  setRegionalParameter: (_p, { input }, ctx) => parameters.setRegionalParameter(ctx, input),
  setSubsistenceMinimum: async (_p, { input }, ctx) =>
    subsistenceMinimumView(await parameters.setSubsistenceMinimum(ctx, input)),
  setCalendarDay: (_p, { input }, ctx) => parameters.setCalendarDay(ctx, input),
};
