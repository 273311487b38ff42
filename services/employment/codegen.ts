import { subgraphCodegenConfig } from '../../packages/subgraph-kit/src/codegen-config';

export default subgraphCodegenConfig({});
