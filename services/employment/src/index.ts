export * from './server';
export * from './statistics/adapters/statistics.sql';
