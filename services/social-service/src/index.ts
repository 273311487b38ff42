export * from './server';
export { registerApplication } from './applications/application/register-application';
export { referForContract } from './referrals/application/refer-for-contract';
export * from './statistics/adapters/statistics.sql';
