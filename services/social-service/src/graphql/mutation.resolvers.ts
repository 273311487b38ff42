import { returnSocialServiceIncomingReferral } from '../referrals/application/return-incoming-referral';
import {
  answerProgrammeDraft,
  assignCases,
  correctWorkTime,
  markMyNotificationsRead,
  advanceAcceptanceClock,
} from '@sc/subgraph-kit';
import { HEAD_ASSIGNS, WORKLISTS, OWN_NOTIFICATIONS, PROGRAMME_AGREEMENT } from '../access';
import { ASSIGNABLE } from './assignable-cases';
import type { MutationResolvers } from '../generated/graphql';
import { idFromInputOrDeprecated } from '@sc/subgraph-kit';
import * as acc from '../accompaniment/application/accompaniment.use-cases';
import { registerApplication } from '../applications/application/register-application';
import { linkCitizenSnils } from '../citizens/application/link-citizen-snils';
import * as prev from '../prevention/application/prevention.use-cases';
import { referForContract } from '../referrals/application/refer-for-contract';
import * as urgent from '../urgent/application/urgent.use-cases';
import { setSocialServiceParameter } from '../parameters/application/social-service-parameters';
import { setUrgentServiceType } from '../urgent/application/catalogue.use-cases';

/** Thin: each mutation is one use case. */
export const Mutation: MutationResolvers = {
  advanceSocialServiceClock: (_p, { input }, ctx) => advanceAcceptanceClock(ctx, 'advanceSocialServiceClock', input),
  answerSocialServiceProgrammeDraft: (_p, { input }, ctx) =>
    answerProgrammeDraft(
      ctx,
      { operation: 'answerSocialServiceProgrammeDraft', rule: PROGRAMME_AGREEMENT, agency: 'SOCIAL_SERVICE' },
      input,
    ),
  markSocialServiceNotificationsRead: (_p, { input }, ctx) =>
    markMyNotificationsRead(ctx, OWN_NOTIFICATIONS, 'markSocialServiceNotificationsRead', input.ids),
  correctSocialServiceWorkTime: (_p, { input }, ctx) => correctWorkTime(ctx, WORKLISTS, input),
  assignSocialServiceCases: (_p, { input }, ctx) =>
    assignCases(ctx, HEAD_ASSIGNS, { operation: 'assignSocialServiceCases', ...ASSIGNABLE[input.caseType]!, ...input }),
  registerSocialServiceApplication: (_p, { input }, ctx) => registerApplication(ctx, input),
  referCitizenForSocialContract: (_p, { input }, ctx) => referForContract(ctx, input),
  returnSocialServiceIncomingReferral: (_p, { input }, ctx) => returnSocialServiceIncomingReferral(ctx, input),
  linkCitizenSnils: (_p, { input }, ctx) => linkCitizenSnils(ctx, input),
  requestUrgentServices: (_p, { input }, ctx) => urgent.requestUrgentServices(ctx, input),
  decideUrgentNeed: (_p, { input }, ctx) => urgent.decideUrgentNeed(ctx, input),
  recordUrgentServiceDelivery: (_p, { input }, ctx) => urgent.recordUrgentServiceDelivery(ctx, input),
  issueUrgentServiceAct: (_p, { input }, ctx) => urgent.issueUrgentServiceAct(ctx, input),
  signUrgentServiceAct: (_p, { input }, ctx) => urgent.signUrgentServiceAct(ctx, input),
  closeUrgentCaseUnsigned: (_p, { input }, ctx) => urgent.closeUrgentCaseUnsigned(ctx, input),
  closeUrgentServiceCase: (_p, args, ctx) =>
    urgent.closeUrgentServiceCase(ctx, idFromInputOrDeprecated(args, 'caseId')),
  openAccompanimentCase: (_p, { input }, ctx) => acc.openAccompanimentCase(ctx, input),
  decideNeedRecognition: (_p, { input }, ctx) => acc.decideNeedRecognition(ctx, input),
  issueIndividualProgramme: (_p, { input }, ctx) => acc.issueIndividualProgramme(ctx, input),
  signServiceContract: (_p, { input }, ctx) => acc.signServiceContract(ctx, input),
  startProgrammeRevision: (_p, args, ctx) => acc.startProgrammeRevision(ctx, idFromInputOrDeprecated(args, 'caseId')),
  addAccompanimentMeasure: (_p, { input }, ctx) => acc.addAccompanimentMeasure(ctx, input),
  updateAccompanimentMeasure: (_p, { input }, ctx) => acc.updateAccompanimentMeasure(ctx, input),
  advanceSocialLiftStage: (_p, args, ctx) =>
    acc.advanceSocialLiftStage(ctx, { ...args.input, caseId: idFromInputOrDeprecated(args, 'caseId') }),
  addAccompanimentGoal: (_p, { input }, ctx) => acc.addAccompanimentGoal(ctx, input),
  recordAccompanimentGoalResult: (_p, { input }, ctx) => acc.recordAccompanimentGoalResult(ctx, input),
  closeAccompanimentCase: (_p, { input }, ctx) => acc.closeAccompanimentCase(ctx, input),
  recordContractServiceDelivery: (_p, { input }, ctx) => acc.recordContractServiceDelivery(ctx, input),
  receivePreventionSignal: (_p, { input }, ctx) => prev.receivePreventionSignal(ctx, input),
  recordPreventionCheck: (_p, { input }, ctx) => prev.recordPreventionCheck(ctx, input),
  registerPreventionCase: (_p, { input }, ctx) => prev.registerPreventionCase(ctx, input),
  approveRehabilitationProgramme: (_p, { input }, ctx) => prev.approveRehabilitationProgramme(ctx, input),
  reportPreventionMeasure: (_p, { input }, ctx) => prev.reportPreventionMeasure(ctx, input),
  reviewPreventionCase: (_p, { input }, ctx) => prev.reviewPreventionCase(ctx, input),
  extendPreventionCase: (_p, { input }, ctx) => prev.extendPreventionCase(ctx, input),
  deregisterPreventionCase: (_p, { input }, ctx) => prev.deregisterPreventionCase(ctx, input),
  flagAdministrativeMeasures: (_p, { input }, ctx) => prev.flagAdministrativeMeasures(ctx, input),
  setUrgentServiceType: (_p, { input }, ctx) => setUrgentServiceType(ctx, input),
  setSocialServiceParameter: (_p, { input }, ctx) => setSocialServiceParameter(ctx, input),
};
