/**
 * The gateway's configuration alone (`@sc/gateway/config`): what a launcher
 * reads before it starts anything, without loading Apollo (seconds of CPU).
 */
export * from './src/config';
