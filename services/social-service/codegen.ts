import { subgraphCodegenConfig } from '../../packages/subgraph-kit/src/codegen-config';

export default subgraphCodegenConfig({
  SocialServiceApplication: '../applications/domain/service-application#ServiceApplication',
  SocialServiceReferral: '@sc/kernel#OutgoingReferral',
  SocialServiceIncomingReferral: '../referrals/domain/incoming-social-service-referral#IncomingSocialServiceReferral',
  UrgentServiceCase: '../urgent/domain/urgent-service-case#UrgentServiceCase',
  UrgentServiceAct: '../urgent/domain/urgent-service-act#UrgentServiceAct',
  AccompanimentCase: '../accompaniment/domain/accompaniment-case#AccompanimentCase',
  PreventionCase: '../prevention/domain/prevention-case#PreventionCase',
  ProgrammeDraft: '@sc/subgraph-kit#ProgrammeDraftRecord',
});
