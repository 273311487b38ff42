export * from './embedded-postgres';
export * from './postgres-placement';
export * from './startup-failure';
export * from './kafka-mock';
export * from './free-port';
export * from './esm';
