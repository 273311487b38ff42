import { subgraphCodegenConfig } from '../../packages/subgraph-kit/src/codegen-config';

export default subgraphCodegenConfig({
  SocialServiceApplication: '../applications/domain/service-application#ServiceApplication',
  SocialServiceReferral: '@sc/kernel#OutgoingReferral',
});
