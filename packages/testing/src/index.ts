export * from './helpers';
export * from './rules';
export * from './service-under-test';
export * from './sql';
export * from './messaging-db';
export * from './statistics';
export * from './metrics';
export * from './scheduler';
