import { subgraphCodegenConfig } from '../../packages/subgraph-kit/src/codegen-config';

export default subgraphCodegenConfig({
  ScApplication: '../applications/domain/sc-application#ScApplication',
  IncomingReferral: '../referrals/domain/incoming-referral#IncomingReferral',
});
