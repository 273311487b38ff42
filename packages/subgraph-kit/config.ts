/**
 * A service's configuration alone (`@sc/subgraph-kit/config`): what a
 * launcher reads before it starts anything, without loading Apollo and
 * MikroORM (seconds of CPU).
 */
export * from './src/service-config';
