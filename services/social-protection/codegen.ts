import { subgraphCodegenConfig } from '../../packages/subgraph-kit/src/codegen-config';

export default subgraphCodegenConfig({
  ScApplication: '../applications/domain/sc-application#ScApplication',
  IncomingReferral: '../referrals/domain/incoming-referral#IncomingReferral',
  SocialProtectionReferral: '@sc/kernel#OutgoingReferral',
  AdaptationProgramme: '../programmes/domain/adaptation-programme#AdaptationProgramme',
  PsaActivity: '../programmes/domain/psa-activity#PsaActivity',
  CommissionMeeting: '../commission/domain/commission-meeting#CommissionMeeting',
  CommissionDecision: '../commission/domain/commission-meeting#CommissionDecision',
  EffectivenessConclusion: '../commission/domain/commission-meeting#EffectivenessConclusion',
  SocialContract: '../contracts/domain/social-contract#SocialContract',
  MonthlyReport: '../monitoring/domain/monthly-report#MonthlyReport',
  ActivityProgress: '../monitoring/domain/monthly-report#ActivityProgress',
  ControlVisit: '../monitoring/domain/control-visit#ControlVisit',
  PartnerEvent: '../partner-reports/domain/partner-event#PartnerEvent',
  MonitoringCheckpoint: '../contracts/domain/social-contract#MonitoringCheckpoint',
  PostMonitoring: '../contracts/domain/social-contract#PostMonitoring',
  HouseholdMember: '../applications/domain/household#HouseholdMember',
  Deadline: '../deadlines/domain/deadline#Deadline',
  NonFulfilmentCase: '../non-fulfilment/domain/non-fulfilment#NonFulfilment',
  ProgrammeAgreement: '../programmes/domain/programme-agreement#ProgrammeAgreement',
});
